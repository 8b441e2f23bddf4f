import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { DealForecast, ForecastResult } from '../../shared/engine/result-types.ts';
import type { Deal, ForecastModel } from '../../shared/model/schema.ts';
import { friendlyDate, percent } from '../format.ts';
import { useAppShallow } from '../state/store.ts';
import { ChartCard } from './ChartCard.tsx';
import { addDeal, daysInStage, deleteDeals, extraText, updateDeal } from './deal-edits.ts';
import { NumberField } from './editors/NumberField.tsx';
import { TextField } from './editors/TextField.tsx';

type SortKey = 'name' | 'amount' | 'stage' | 'days' | 'owner' | 'sponsorRole' | 'pWin' | 'close';
const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Account' },
  { key: 'amount', label: 'Amount', numeric: true },
  { key: 'stage', label: 'Stage' },
  { key: 'days', label: 'Days in stage', numeric: true },
  { key: 'owner', label: 'Owner' },
  { key: 'sponsorRole', label: 'Executive sponsor' },
  { key: 'pWin', label: 'Chance to win', numeric: true },
  { key: 'close', label: 'Close if won (median)' },
];
const ROW_HEIGHT = 44;

interface Row {
  deal: Deal;
  index: number;
  forecast: DealForecast | undefined;
}

/** The open pipeline: sort, filter, edit in place, add, delete, select many. Rows are virtualized. */
export function DealsTable({ model, result }: { model: ForecastModel; result: ForecastResult | null }) {
  const { edit, openDialog } = useAppShallow((s) => ({ edit: s.edit, openDialog: s.openDialog }));
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'amount', descending: true });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const scroller = useRef<HTMLDivElement>(null);
  const stageName = useMemo(() => new Map(model.stages.map((s, i) => [s.id, { name: s.name, order: i }])), [model.stages]);

  const rows = useMemo(() => {
    const forecasts = new Map(result?.deals.map((d) => [d.id, d]) ?? []);
    const needle = filter.trim().toLowerCase();
    const all: Row[] = model.deals.map((deal, index) => ({ deal, index, forecast: forecasts.get(deal.id) }));
    const shown = needle
      ? all.filter(({ deal }) => [deal.name, deal.id, stageName.get(deal.stage)?.name ?? deal.stage, extraText(deal, 'owner'), extraText(deal, 'sponsorRole')].some((t) => t.toLowerCase().includes(needle)))
      : all;
    const value = (r: Row): number | string => {
      switch (sort.key) {
        case 'amount': return r.deal.amount;
        case 'stage': return stageName.get(r.deal.stage)?.order ?? -1;
        case 'days': return daysInStage(model, r.deal);
        case 'pWin': return r.forecast?.pWin ?? -1;
        case 'close': return r.forecast?.closeDate?.p50 ?? '9999';
        case 'owner': case 'sponsorRole': return extraText(r.deal, sort.key).toLowerCase();
        default: return r.deal.name.toLowerCase();
      }
    };
    return [...shown].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order = x < y ? -1 : x > y ? 1 : a.index - b.index;
      return sort.descending ? -order : order;
    });
  }, [model, result, filter, sort, stageName]);

  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const allShownSelected = rows.length > 0 && rows.every((r) => selected.has(r.deal.id));

  /** Arrow up/down moves to the same column of the next or previous row. */
  const onGridKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const target = event.target as HTMLElement;
    const cell = target.closest<HTMLElement>('[data-row]');
    if (!cell || target.tagName === 'SELECT') return;
    const row = Number(cell.dataset.row) + (event.key === 'ArrowDown' ? 1 : -1);
    if (row < 0 || row >= rows.length) return;
    event.preventDefault();
    virtualizer.scrollToIndex(row);
    const column = cell.dataset.col;
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${column}"] input, [data-row="${row}"][data-col="${column}"] select`)?.focus());
  };

  return (
    <ChartCard wide title="Pipeline" subtitle="Open deals. Edit a cell and press Enter; arrow keys move between rows.">
      <div className="table-toolbar">
        <div className="field inline-field">
          <label htmlFor="deal-filter">Filter deals</label>
          <input id="deal-filter" type="search" value={filter} placeholder="Account, stage, owner…" onChange={(e) => setFilter(e.target.value)} />
        </div>
        <span className="field-hint" aria-live="polite">
          Showing {rows.length.toLocaleString('en-US')} of {model.deals.length.toLocaleString('en-US')} deals
          {selected.size > 0 ? `, ${selected.size} selected` : ''}
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => openDialog('importCsv')}>
          Import CSV…
        </button>
        <button type="button" onClick={() => edit(addDeal)} disabled={model.stages.length === 0}>
          Add deal
        </button>
        <button
          type="button"
          disabled={selected.size === 0}
          onClick={() => {
            edit((m) => deleteDeals(m, selected));
            setSelected(new Set());
          }}
        >
          Delete selected
        </button>
      </div>
      <div className="deal-grid" role="grid" aria-label="Deals" aria-rowcount={rows.length + 1} onKeyDown={onGridKey}>
        <div className="deal-row deal-head" role="row" aria-rowindex={1}>
          <span role="columnheader" className="cell-check">
            <input
              type="checkbox"
              aria-label="Select all shown deals"
              checked={allShownSelected}
              onChange={() => setSelected(allShownSelected ? new Set() : new Set(rows.map((r) => r.deal.id)))}
            />
          </span>
          {COLUMNS.map((c) => (
            <span key={c.key} role="columnheader" className={c.numeric ? 'num' : undefined} aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
              <button type="button" className="sort" onClick={() => setSort((s) => ({ key: c.key, descending: s.key === c.key ? !s.descending : !!c.numeric }))}>
                {c.label}
                {sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
              </button>
            </span>
          ))}
        </div>
        <div ref={scroller} className="deal-scroller">
          {rows.length === 0 ? <p className="empty">{model.deals.length === 0 ? 'No open deals yet. Add one, or import your CRM’s pipeline export.' : 'No deal matches the filter.'}</p> : null}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return <DealRow key={row.deal.id} row={row} rowIndex={item.index} top={item.start} model={model} selected={selected.has(row.deal.id)} onSelect={(on) => setSelected((s) => toggled(s, row.deal.id, on))} />;
            })}
          </div>
        </div>
      </div>
    </ChartCard>
  );
}

function toggled(set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

function DealRow({ row, rowIndex, top, model, selected, onSelect }: { row: Row; rowIndex: number; top: number; model: ForecastModel; selected: boolean; onSelect: (on: boolean) => void }) {
  const edit = useAppShallow((s) => s.edit);
  const { deal, index, forecast } = row;
  const at = `deals[${index}]`;
  const label = deal.name || deal.id;
  const cell = (col: string) => ({ 'data-row': rowIndex, 'data-col': col, role: 'gridcell' as const });
  return (
    <div className={`deal-row${selected ? ' selected' : ''}`} role="row" aria-rowindex={rowIndex + 2} aria-selected={selected} style={{ transform: `translateY(${top}px)` }}>
      <span {...cell('check')} className="cell-check">
        <input type="checkbox" aria-label={`Select ${label}`} checked={selected} onChange={(e) => onSelect(e.target.checked)} />
      </span>
      <span {...cell('name')}>
        <TextField hideLabel label={`${label} account`} value={deal.name} path={`${at}.name`} apply={(m, name) => updateDeal(m, index, { name })} />
      </span>
      <span {...cell('amount')} className="num">
        <NumberField grouped hideLabel label={`${label} amount`} value={deal.amount} path={`${at}.amount`} apply={(m, v) => updateDeal(m, index, { amount: v ?? NaN })} />
      </span>
      <span {...cell('stage')}>
        <select aria-label={`${label} stage`} value={deal.stage} onChange={(e) => edit((m) => updateDeal(m, index, { stage: e.target.value }))}>
          {model.stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </span>
      <span {...cell('days')} className="num" title={`In this stage since ${deal.stageEnteredOn}`}>
        {daysInStage(model, deal)}
        <StaleFlag model={model} deal={deal} />
      </span>
      <span {...cell('owner')}>
        <TextField hideLabel label={`${label} owner`} value={extraText(deal, 'owner')} path={`${at}.owner`} apply={(m, owner) => updateDeal(m, index, { owner })} />
      </span>
      <span {...cell('sponsorRole')}>
        <TextField hideLabel label={`${label} executive sponsor`} value={extraText(deal, 'sponsorRole')} path={`${at}.sponsorRole`} apply={(m, sponsorRole) => updateDeal(m, index, { sponsorRole })} />
      </span>
      <span {...cell('pWin')} className="num">
        {forecast ? percent(forecast.pWin) : '–'}
      </span>
      <span {...cell('close')}>{forecast?.closeDate ? friendlyDate(forecast.closeDate.p50) : '–'}</span>
    </div>
  );
}

/** From this many times a stage's typical (median) time, a deal is flagged: in top-down sales it is mostly dead. */
const STALE_MULTIPLE = 3;

/** "3× the usual time in stage", for a deal that has waited that long; its chance to win shows the effect when the stage has a time before a deal is lost. */
function StaleFlag({ model, deal }: { model: ForecastModel; deal: Deal }) {
  const median = model.stages.find((s) => s.id === deal.stage)?.duration.median;
  const multiple = median ? Math.floor(daysInStage(model, deal) / median) : 0;
  if (multiple < STALE_MULTIPLE) return null;
  return <span className="stale-flag">{multiple}× the usual time in stage</span>;
}
