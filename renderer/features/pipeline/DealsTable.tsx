import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useEffectEvent, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ForecastResult } from '../../../shared/engine/result-types.ts';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { whole } from '../../../shared/format/numbers.ts';
import { useAppShallow, useAppStore } from '../../state/store.ts';
import { ChartCard } from '../../charts/ChartCard.tsx';
import { ColumnMenu } from './ColumnMenu.tsx';
import { COLUMNS, CRM_COLUMNS, gridLayout, PINNED, PINNED_SCROLL_PADDING, ROW_HEIGHT, type Column, type CrmKey, type SortKey } from './deal-columns.ts';
import { addDeal, daysInStage, deleteDeals, extraText, removedDeals, restoreDeals } from './deal-edits.ts';
import { DealRow, type Row } from './DealRow.tsx';
import { signalColumns, signalFilterOptions, SignalPicker, signalsInUse, type SignalKey } from './signal-columns.tsx';

/** The open pipeline: sort, filter, edit in place, add, delete, select many. Rows are virtualized. */
export function DealsTable({ model, result }: { model: ForecastModel; result: ForecastResult | null }) {
  const { edit, openDialog } = useAppShallow((s) => ({ edit: s.edit, openDialog: s.openDialog }));
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: SortKey | SignalKey; descending: boolean }>({ key: 'amount', descending: true });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [shownCrm, setShownCrm] = useState<ReadonlySet<CrmKey>>(new Set());
  const [signalFilter, setSignalFilter] = useState('');
  // One menu at a time: opening one closes the other, so a panel never covers the other one.
  const [openMenu, setOpenMenu] = useState<'signals' | 'crm' | null>(null);
  // Signal columns: by default those that matter (an odds ratio set or a deal with a value), else as chosen.
  const [chosenSignals, setChosenSignals] = useState<ReadonlySet<string> | null>(null);
  const shownSignals = useMemo(() => chosenSignals ?? signalsInUse(model), [chosenSignals, model]);
  const columns = useMemo<Column[]>(
    () => [
      ...COLUMNS.slice(0, 1),
      ...CRM_COLUMNS.filter((c) => c.key === 'account' && shownCrm.has(c.key)),
      ...COLUMNS.slice(1),
      ...signalColumns((model.signals ?? []).filter((s) => shownSignals.has(s.id))),
      ...CRM_COLUMNS.filter((c) => c.key !== 'account' && shownCrm.has(c.key)),
    ],
    [shownCrm, model.signals, shownSignals],
  );
  const layout = gridLayout(columns);
  const scroller = useRef<HTMLDivElement>(null);
  const stageName = useMemo(() => new Map(model.stages.map((s, i) => [s.id, { name: s.name, order: i }])), [model.stages]);

  const rows = useMemo(() => {
    const forecasts = new Map(result?.deals.map((d) => [d.id, d]) ?? []);
    const needle = filter.trim().toLowerCase();
    const all: Row[] = model.deals.map((deal, index) => ({ deal, index, forecast: forecasts.get(deal.id) }));
    const byText = needle
      ? all.filter(({ deal }) => [deal.name, deal.id, extraText(deal, 'account'), stageName.get(deal.stage)?.name ?? deal.stage, extraText(deal, 'owner'), extraText(deal, 'sponsorRole')].some((t) => t.toLowerCase().includes(needle)))
      : all;
    const wanted = signalFilterOptions(model.signals ?? []).find((o) => o.key === signalFilter);
    const shown = wanted ? byText.filter(({ deal }) => (deal.signals?.[wanted.signal.id] ?? wanted.signal.baseline) === wanted.value) : byText;
    const value = (r: Row): number | string => {
      if (sort.key.startsWith('signal:')) {
        const signal = model.signals?.find((s) => `signal:${s.id}` === sort.key);
        return signal ? (r.deal.signals?.[signal.id] ?? signal.baseline) : '';
      }
      switch (sort.key) {
        case 'amount': return r.deal.amount;
        case 'stage': return stageName.get(r.deal.stage)?.order ?? -1;
        case 'days': return daysInStage(model, r.deal);
        case 'since': return r.deal.stageEnteredOn;
        case 'crmProbability': return r.deal.crmProbability ?? -1;
        case 'account': case 'createdOn': case 'crmCloseDate': case 'crmForecastCategory': return extraText(r.deal, sort.key).toLowerCase();
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
  }, [model, result, filter, sort, stageName, signalFilter]);

  // TanStack Virtual hands back functions whose results change without a new identity, so the React
  // compiler's analysis skips this component (the app does not run the compiler; this only says so).
  // The header scrolls with the rows (it sticks to the top): the rows start one row height down, and a
  // row brought into view goes below the header, not under it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8, scrollMargin: ROW_HEIGHT, scrollPaddingStart: ROW_HEIGHT });

  // A click on a deal's problem: clear the filter and bring the deal's row on screen (App then focuses the field).
  const fieldRequest = useAppStore((s) => s.fieldRequest);
  // Only a new request moves the view (an effect event reads the rows without rerunning on them), so
  // later edits of rows never scroll it back.
  const revealDeal = useEffectEvent((dealId: string) => {
    setFilter('');
    const row = rows.findIndex((r) => r.deal.id === dealId);
    if (row >= 0) virtualizer.scrollToIndex(row, { align: 'center' });
  });
  useEffect(() => {
    if (fieldRequest?.dealId) revealDeal(fieldRequest.dealId);
  }, [fieldRequest]);
  const allShownSelected = rows.length > 0 && rows.every((r) => selected.has(r.deal.id));

  /** A new deal is put on screen with the cursor in its name, wherever the sort places it. */
  const addAndShow = () => {
    const store = useAppStore.getState();
    edit(addDeal);
    const { document: after } = useAppStore.getState();
    const added = after === store.document ? undefined : after?.deals[after.deals.length - 1];
    if (added) store.requestField({ view: 'pipeline', label: `${added.name || added.id} name`, dealId: added.id });
  };
  /** Deletes at once and offers Undo in the notice, which puts exactly those deals back where they were. */
  const deleteWithUndo = () => {
    const removed = removedDeals(model, selected);
    edit((m) => deleteDeals(m, selected));
    const afterDelete = useAppStore.getState().document;
    setSelected(new Set());
    const names = removed.map((r) => r.deal.name || r.deal.id);
    const what = names.length === 1 ? `“${names[0] ?? ''}”` : `${names.length} deals`;
    useAppStore.getState().addNotice('info', `Deleted ${what}.`, {
      label: 'Undo',
      // Ctrl+Z or the header's Undo undoing the delete dismisses the notice.
      ...(afterDelete ? { undoes: afterDelete } : {}),
      run: () => {
        const state = useAppStore.getState();
        // Nothing changed since: the undo step itself. After other edits: put the deals back, as a new step.
        if (state.document === afterDelete) state.undo();
        else state.edit((m) => restoreDeals(m, removed));
      },
    });
  };

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
          Showing {whole(rows.length)} of {whole(model.deals.length)} deals
          {selected.size > 0 ? `, ${selected.size} selected` : ''}
        </span>
        <span className="spacer" />
        <SignalPicker
          signals={model.signals ?? []}
          shown={shownSignals}
          onShown={setChosenSignals}
          filter={signalFilter}
          onFilter={setSignalFilter}
          open={openMenu === 'signals'}
          onOpenChange={(open) => setOpenMenu(open ? 'signals' : null)}
        />
        <ColumnMenu label="CRM columns" legend="Show CRM columns" open={openMenu === 'crm'} onOpenChange={(open) => setOpenMenu(open ? 'crm' : null)}>
          {CRM_COLUMNS.map((c) => (
            <label key={c.key}>
              <input type="checkbox" checked={shownCrm.has(c.key)} onChange={(e) => setShownCrm((s) => toggled(s, c.key, e.target.checked))} /> {c.label}
            </label>
          ))}
        </ColumnMenu>
        <button type="button" onClick={() => openDialog('importCsv')}>
          Import CSV…
        </button>
        <button type="button" onClick={addAndShow} disabled={model.stages.length === 0}>
          Add deal
        </button>
        <button type="button" disabled={selected.size === 0} onClick={deleteWithUndo}>
          Delete selected
        </button>
      </div>
      <div className="deal-grid" role="grid" aria-label="Deals" aria-rowcount={rows.length + 1} onKeyDown={onGridKey}>
        <div ref={scroller} className="deal-scroller" style={PINNED_SCROLL_PADDING}>
          <div className="deal-canvas" style={{ minWidth: layout.minWidth }}>
            <div className="deal-row deal-head" role="row" aria-rowindex={1} style={layout}>
              <span role="columnheader" className="cell-check pinned-check" style={PINNED.check}>
                <input
                  type="checkbox"
                  aria-label="Select all shown deals"
                  checked={allShownSelected}
                  onChange={() => setSelected(allShownSelected ? new Set() : new Set(rows.map((r) => r.deal.id)))}
                />
              </span>
              {columns.map((c) => (
                <span
                  key={c.key}
                  role="columnheader"
                  className={c.key === 'name' ? 'pinned-name' : c.numeric ? 'num' : undefined}
                  style={c.key === 'name' ? PINNED.name : undefined}
                  aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button type="button" className="sort" title={c.label} onClick={() => setSort((s) => ({ key: c.key, descending: s.key === c.key ? !s.descending : !!c.numeric }))}>
                    {c.label}
                    {sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </button>
                </span>
              ))}
            </div>
            {rows.length === 0 ? <p className="empty">{model.deals.length === 0 ? 'No open deals yet. Add one, or import your CRM’s pipeline export.' : 'No deal matches the filter.'}</p> : null}
            <div className="deal-rows" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = rows[item.index];
                if (!row) return null;
                return <DealRow key={row.deal.id} row={row} rowIndex={item.index} top={item.start - ROW_HEIGHT} model={model} columns={columns} layout={layout} selected={selected.has(row.deal.id)} onSelect={(on) => setSelected((s) => toggled(s, row.deal.id, on))} />;
              })}
            </div>
          </div>
        </div>
      </div>
    </ChartCard>
  );
}

function toggled<T>(set: ReadonlySet<T>, id: T, on: boolean): ReadonlySet<T> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}
