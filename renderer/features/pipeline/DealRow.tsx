import type { CSSProperties } from 'react';
import type { DealForecast } from '../../../shared/engine/result-types.ts';
import type { Deal, ForecastModel } from '../../../shared/model/schema.ts';
import { percent } from '../../../shared/format/numbers.ts';
import { friendlyDate } from '../../../shared/format/dates.ts';
import { explainDealOdds } from '../../../shared/signals/explain-odds.ts';
import { useAppShallow } from '../../state/store.ts';
import { DateField } from '../../fields/DateField.tsx';
import { NumberField } from '../../fields/NumberField.tsx';
import { TextField } from '../../fields/TextField.tsx';
import { StageOptions } from '../../fields/options.tsx';
import { PINNED, type Column, type SortKey } from './deal-columns.ts';
import { daysInStage, extraText, moveDealToStage, updateDeal } from './deal-edits.ts';
import { SignalCell, type SignalKey } from './signal-columns.tsx';

/** A deal of the table, with its place in the model and its forecast. */
export interface Row {
  deal: Deal;
  index: number;
  forecast: DealForecast | undefined;
}

/** One deal's row: every shown column, edited in place. */
export function DealRow({ row, rowIndex, top, model, columns, layout, selected, onSelect }: { row: Row; rowIndex: number; top: number; model: ForecastModel; columns: Column[]; layout: CSSProperties; selected: boolean; onSelect: (on: boolean) => void }) {
  const edit = useAppShallow((s) => s.edit);
  const { deal, index, forecast } = row;
  const at = `deals[${index}]`;
  const label = deal.name || deal.id;
  const cell = (col: string) => ({ 'data-row': rowIndex, 'data-col': col, role: 'gridcell' as const });
  const content = (key: SortKey | SignalKey) => {
    if (key.startsWith('signal:')) return <SignalCell model={model} deal={deal} index={index} signalId={key.slice('signal:'.length)} label={label} />;
    switch (key) {
      case 'name':
        return <TextField hideLabel label={`${label} name`} value={deal.name} path={`${at}.name`} apply={(m, name) => updateDeal(m, index, { name })} />;
      case 'account':
        return <TextField hideLabel label={`${label} account`} value={extraText(deal, 'account')} path={`${at}.account`} apply={(m, account) => updateDeal(m, index, { account: account || undefined })} />;
      case 'amount':
        return <NumberField grouped hideLabel label={`${label} amount`} value={deal.amount} path={`${at}.amount`} apply={(m, v) => updateDeal(m, index, { amount: v ?? NaN })} />;
      case 'stage':
        return (
          <select aria-label={`${label} stage`} value={deal.stage} onChange={(e) => edit((m) => moveDealToStage(m, index, e.target.value))}>
            <StageOptions stages={model.stages} />
          </select>
        );
      case 'days':
        return (
          <>
            {daysInStage(model, deal)}
            <StaleFlag model={model} deal={deal} />
          </>
        );
      case 'since':
        return <DateField label={`${label} in stage since`} value={deal.stageEnteredOn} max={model.asOf} path={`${at}.stageEnteredOn`} apply={(m, day) => updateDeal(m, index, { stageEnteredOn: day })} />;
      case 'owner':
      case 'sponsorRole':
        return <TextField hideLabel label={`${label} ${key === 'owner' ? 'owner' : 'executive sponsor'}`} value={extraText(deal, key)} path={`${at}.${key}`} apply={(m, v) => updateDeal(m, index, { [key]: v })} />;
      case 'pWin':
        return forecast ? percent(forecast.pWin) : '–';
      default:
        return null;
      case 'close':
        return forecast?.closeDate ? friendlyDate(forecast.closeDate.p50) : '–';
      case 'crmProbability':
        return deal.crmProbability === undefined ? '–' : percent(deal.crmProbability);
      case 'createdOn':
      case 'crmCloseDate':
        return deal[key] ? friendlyDate(deal[key]) : '–';
      case 'crmForecastCategory':
        return extraText(deal, key) || '–';
    }
  };
  return (
    <div className={`deal-row${selected ? ' selected' : ''}`} role="row" aria-rowindex={rowIndex + 2} aria-selected={selected} style={{ ...layout, transform: `translateY(${top}px)` }}>
      <span {...cell('check')} className="cell-check pinned-check" style={PINNED.check}>
        <input type="checkbox" aria-label={`Select ${label}`} checked={selected} onChange={(e) => onSelect(e.target.checked)} />
      </span>
      {columns.map((c) => (
        <span key={c.key} {...cell(c.key)} className={c.key === 'name' ? 'pinned-name' : c.numeric ? 'num' : undefined} style={c.key === 'name' ? PINNED.name : undefined} title={cellTitle(model, deal, c.key)}>
          {content(c.key)}
        </span>
      ))}
    </div>
  );
}

/** From this many times a stage's typical (median) time, a deal is flagged: in top-down sales it is mostly dead. */
const STALE_MULTIPLE = 3;

/**
 * "3× usual" under the days, for a deal that has waited that long (the whole sentence, "3× the usual
 * time in stage", is its tooltip and accessible name): short enough to keep the row one row high. Its
 * chance to win shows the effect when the stage has a time before a deal is lost.
 */
function StaleFlag({ model, deal }: { model: ForecastModel; deal: Deal }) {
  const median = model.stages.find((s) => s.id === deal.stage)?.duration.median;
  const multiple = median ? Math.floor(daysInStage(model, deal) / median) : 0;
  if (multiple < STALE_MULTIPLE) return null;
  const sentence = `${multiple}× the usual time in stage`;
  return (
    <span className="stale-flag" title={sentence} aria-label={sentence}>
      {multiple}× usual
    </span>
  );
}

/**
 * A cell's tooltip. Text that may not fit its column (a long deal name, "Security and compliance
 * review" in a narrow window) ends in an ellipsis, so the whole of it is here.
 */
function cellTitle(model: ForecastModel, deal: Deal, key: SortKey | SignalKey): string | undefined {
  switch (key) {
    case 'days': return `In this stage since ${friendlyDate(deal.stageEnteredOn)}`;
    case 'pWin': return oddsTitle(model, deal);
    case 'name': return deal.name || undefined;
    case 'stage': return model.stages.find((s) => s.id === deal.stage)?.name;
    case 'account': case 'owner': case 'sponsorRole': case 'crmForecastCategory': return extraText(deal, key) || undefined;
    default: return undefined;
  }
}

/** The chance cell's tooltip: why this deal's odds differ from its stage's, if they do. */
function oddsTitle(model: ForecastModel, deal: Deal): string | undefined {
  const reasons = explainDealOdds(model, deal);
  return reasons.length > 0 ? reasons.map((r) => r.text).join('; ') : undefined;
}
