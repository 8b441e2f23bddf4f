import { useId, useMemo } from 'react';
import { fitHistory, MIN_PRIOR_SAMPLE_SIZE, type FitFilters } from '../../../shared/history/fit-history.ts';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { FigureCard } from '../../charts/FigureCard.tsx';
import { count, decimal } from '../../../shared/format/numbers.ts';
import { chosenFitValues, fitChoice, type LoadedHistory } from '../../state/calibration-slice.ts';
import { useAppShallow, useAppStore } from '../../state/store.ts';
import { survivalFigure } from '../../figures/survival-figure.tsx';
import { StageOptions } from '../../fields/options.tsx';

const pct = (v: number) => `${(Math.round(v * 1000) / 10).toString()}%`;
const days = (v: number) => `${Math.round(v * 10) / 10}`;
const optionalNumber = (text: string): number | null => (text.trim() === '' || !Number.isFinite(Number(text)) ? null : Number(text));
const HALF_LIFE_CHOICES = [8, 4, 2];

/** The fit as a proposal: old and new values per stage with their 90% intervals and the deals behind each; accept all, some or none. */
export function FitReview({ model, loaded }: { model: ForecastModel; loaded: LoadedHistory }) {
  const { priorWeight, priorMeans, halfLifeQuarters, filterInputs, choices, chartStage } = useAppShallow((s) => ({
    priorWeight: s.calibration.priorWeight,
    priorMeans: s.calibration.priorMeans,
    halfLifeQuarters: s.calibration.halfLifeQuarters,
    filterInputs: s.calibration.filters,
    choices: s.calibration.choices,
    chartStage: s.calibration.chartStage,
  }));
  const actions = useAppStore.getState();
  const ids = { prior: useId(), halfLife: useId(), window: useId(), owner: useId(), region: useId(), min: useId(), max: useId(), chart: useId(), keep: useId() };
  const { history } = loaded;
  const owners = useMemo(() => [...new Set(history.deals.map((d) => d.owner).filter((o): o is string => !!o))].sort(), [history]);
  const regions = useMemo(() => [...new Set(history.deals.map((d) => d.region).filter((o): o is string => !!o))].sort(), [history]);
  const fit = useMemo(() => {
    const filters: FitFilters = { windowQuarters: filterInputs.windowQuarters, minAmount: optionalNumber(filterInputs.minAmount), maxAmount: optionalNumber(filterInputs.maxAmount), owner: filterInputs.owner, region: filterInputs.region };
    return fitHistory(history, model, { cutoffDay: history.asOfDay, priorSampleSize: priorWeight, priorMeans, filters, halfLifeQuarters });
  }, [history, model, priorWeight, priorMeans, filterInputs, halfLifeQuarters]);
  const choice = (id: string) => fitChoice(choices, id);
  const setChoice = (id: string, change: Partial<{ conversion: boolean; duration: boolean }>) => actions.setFitChoices({ ...choices, [id]: { ...choice(id), ...change } });
  const setAll = (value: boolean) => actions.setFitChoices(Object.fromEntries(model.stages.map((s) => [s.id, { conversion: value, duration: value }])));
  const chosen = chosenFitValues(fit, choices);
  const kept = model.calibration?.history !== undefined;
  const shown = fit.stages.find((s) => s.stageId === chartStage) ?? fit.stages[0];

  return (
    <section className="card" aria-labelledby="fit-title">
      <h2 id="fit-title">Proposed stage model</h2>
      <p className="card-subtitle">
        From {fit.dealsUsed} deals. Conversion: the deals that left each stage, with the rate you had before this history counted as {Math.max(MIN_PRIOR_SAMPLE_SIZE, priorWeight)} deals of prior experience. Duration: a lognormal fitted to the whole days deals spent in the stage, counting deals still there as “at least this long”. Brackets: 90% intervals.
      </p>
      <div className="inline-row filters">
        <label htmlFor={ids.prior}>Weight of your earlier rates (deals, at least 2)</label>
        <input id={ids.prior} type="number" min={MIN_PRIOR_SAMPLE_SIZE} max={1000} className="short" value={priorWeight} onChange={(e) => actions.setPriorWeight(Math.max(MIN_PRIOR_SAMPLE_SIZE, Math.min(1000, Number(e.target.value) || MIN_PRIOR_SAMPLE_SIZE)))} />
        <label htmlFor={ids.halfLife}>Older deals count</label>
        <select id={ids.halfLife} value={halfLifeQuarters ?? ''} onChange={(e) => actions.setHalfLife(e.target.value ? Number(e.target.value) : null)}>
          <option value="">the same as recent ones</option>
          {HALF_LIFE_CHOICES.map((n) => (
            <option key={n} value={n}>
              half every {n} quarters
            </option>
          ))}
        </select>
        <label htmlFor={ids.window}>Deals created</label>
        <select id={ids.window} value={filterInputs.windowQuarters ?? ''} onChange={(e) => actions.setFitFilters({ windowQuarters: e.target.value ? Number(e.target.value) : null })}>
          <option value="">at any time</option>
          {[4, 8, 12].map((n) => (
            <option key={n} value={n}>
              in the last {n} quarters
            </option>
          ))}
        </select>
        <label htmlFor={ids.min}>Amount from</label>
        <input id={ids.min} inputMode="numeric" className="short" value={filterInputs.minAmount} onChange={(e) => actions.setFitFilters({ minAmount: e.target.value })} />
        <label htmlFor={ids.max}>to</label>
        <input id={ids.max} inputMode="numeric" className="short" value={filterInputs.maxAmount} onChange={(e) => actions.setFitFilters({ maxAmount: e.target.value })} />
        {owners.length > 0 ? (
          <>
            <label htmlFor={ids.owner}>Owner</label>
            <select id={ids.owner} value={filterInputs.owner ?? ''} onChange={(e) => actions.setFitFilters({ owner: e.target.value || null })}>
              <option value="">all</option>
              {owners.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          </>
        ) : null}
        {regions.length > 0 ? (
          <>
            <label htmlFor={ids.region}>Region</label>
            <select id={ids.region} value={filterInputs.region ?? ''} onChange={(e) => actions.setFitFilters({ region: e.target.value || null })}>
              <option value="">all</option>
              {regions.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          </>
        ) : null}
      </div>
      {fit.notes.map((n) => (
        <p key={n} className="field-hint">
          {n}
        </p>
      ))}
      <table className="data-table fit-table" aria-label="Proposed stage values">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Moves on now → fitted [90% interval]</th>
            <th scope="col">Deals behind the rate</th>
            <th scope="col">Typical / slow case (P90) days now → fitted [90% intervals]</th>
            <th scope="col">Deals behind the times</th>
            <th scope="col">Time before a deal is lost here</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {fit.stages.map((s) => (
            <tr key={s.stageId}>
              <th scope="row">{s.name}</th>
              <td>
                <label>
                  <input type="checkbox" checked={choice(s.stageId).conversion} onChange={(e) => setChoice(s.stageId, { conversion: e.target.checked })} aria-label={`Accept ${s.name} conversion`} /> {pct(s.conversion.current)} → <strong>{pct(s.conversion.proposed)}</strong>{' '}
                  <span className="interval">
                    [{pct(s.conversion.interval[0])}–{pct(s.conversion.interval[1])}]
                  </span>
                </label>
              </td>
              <td>
                {s.conversion.successes} moved on, {s.conversion.failures} lost
              </td>
              <td>
                {s.duration.proposed ? (
                  <label>
                    <input type="checkbox" checked={choice(s.stageId).duration} onChange={(e) => setChoice(s.stageId, { duration: e.target.checked })} aria-label={`Accept ${s.name} duration`} /> {days(s.duration.current.median)} / {days(s.duration.current.p90)} →{' '}
                    <strong>
                      {days(s.duration.proposed.median)} / {days(s.duration.proposed.p90)}
                    </strong>
                    {s.duration.interval ? (
                      <span className="interval">
                        {' '}
                        [{days(s.duration.interval.median[0])}–{days(s.duration.interval.median[1])} / {days(s.duration.interval.p90[0])}–{days(s.duration.interval.p90[1])}]
                      </span>
                    ) : null}
                  </label>
                ) : (
                  `${days(s.duration.current.median)} / ${days(s.duration.current.p90)} (kept)`
                )}
              </td>
              <td>
                {s.duration.events} finished, {s.duration.censored} still there
              </td>
              <td title={s.duration.rule}>{s.duration.lossDuration ? `${days(s.duration.lossDuration.median)} / ${days(s.duration.lossDuration.p90)} days (${s.duration.losses} losses)` : 'same as moving on'}</td>
              <td className={s.warnings.length ? 'warning-text' : undefined}>{[...s.warnings, s.duration.rule].join(' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="modal-actions">
        <label className="keep-history" htmlFor={ids.keep}>
          <input id={ids.keep} type="checkbox" checked={kept} onChange={(e) => actions.keepHistoryWithWorkspace(e.target.checked)} /> Keep this history with the workspace (your CRM data, saved on this computer only)
        </label>
        <button type="button" onClick={() => setAll(true)}>
          Select all
        </button>
        <button type="button" onClick={() => setAll(false)}>
          Select none
        </button>
        <button type="button" disabled={chosen === 0} onClick={() => actions.acceptFit(fit)}>
          Accept {count(chosen, 'selected value')}
        </button>
      </div>

      <div className="inline-row">
        <label htmlFor={ids.chart}>Time in stage for</label>
        <select id={ids.chart} value={shown?.stageId ?? ''} onChange={(e) => actions.showStageChart(e.target.value)}>
          <StageOptions stages={model.stages} />
        </select>
      </div>
      {shown ? <FigureCard figure={survivalFigure(shown)} wide /> : null}

      <h3>Deals and deal-days per stage, by quarter</h3>
      <p className="field-hint">To check the cost per day of each stage against what the team spent in those quarters.</p>
      <table className="data-table" aria-label="Stage activity by quarter">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            {fit.activity[0]?.quarters.map((q) => (
              <th scope="col" key={q.label}>
                {q.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {fit.activity.map((a) => (
            <tr key={a.stageId}>
              <th scope="row">{model.stages.find((s) => s.id === a.stageId)?.name ?? a.stageId}</th>
              {a.quarters.map((q) => (
                <td key={q.label}>
                  {q.deals} deals, {decimal(q.days, 0)} days
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
