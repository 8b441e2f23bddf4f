import { useId, useMemo, useState } from 'react';
import { applyFit, DEFAULT_PRIOR_SAMPLE_SIZE, fitHistory, type FitFilters } from '../../shared/history/fit-history.ts';
import { WON, LOST } from '../../shared/history/history-types.ts';
import type { ForecastModel } from '../../shared/model/schema.ts';
import { FigureCard } from '../components/FigureCard.tsx';
import { decimal } from '../format.ts';
import { useAppStore } from '../state/store.ts';
import type { CalibrationState } from './calibration-store.ts';
import { survivalFigure } from './survival-figure.tsx';

type Loaded = NonNullable<CalibrationState['history']>;
const pct = (v: number) => `${(Math.round(v * 1000) / 10).toString()}%`;
const days = (v: number) => `${Math.round(v * 10) / 10}`;
const optionalNumber = (text: string): number | null => (text.trim() === '' || !Number.isFinite(Number(text)) ? null : Number(text));

/** The fit as a proposal: old and new values per stage, the deals behind each, accept all, some or none. */
export function FitReview({ model, loaded }: { model: ForecastModel; loaded: Loaded }) {
  const [prior, setPrior] = useState(DEFAULT_PRIOR_SAMPLE_SIZE);
  // The prior is the stage model as it was before this history: once a fit is accepted, fitting again
  // must not count the same deals twice (the accepted values already contain them).
  const [priorMeans] = useState<Record<string, number>>(() => Object.fromEntries(model.stages.map((s) => [s.id, s.conversion])));
  const [windowQuarters, setWindowQuarters] = useState<number | null>(null);
  const [band, setBand] = useState({ min: '', max: '' });
  const [owner, setOwner] = useState<string | null>(null);
  const [region, setRegion] = useState<string | null>(null);
  const [chartStage, setChartStage] = useState(model.stages[0]?.id ?? '');
  const ids = { prior: useId(), window: useId(), owner: useId(), region: useId(), min: useId(), max: useId(), chart: useId() };
  const { history } = loaded;
  const owners = useMemo(() => [...new Set(history.deals.map((d) => d.owner).filter((o): o is string => !!o))].sort(), [history]);
  const regions = useMemo(() => [...new Set(history.deals.map((d) => d.region).filter((o): o is string => !!o))].sort(), [history]);
  const filters: FitFilters = { windowQuarters, minAmount: optionalNumber(band.min), maxAmount: optionalNumber(band.max), owner, region };
  const fit = useMemo(
    () => fitHistory(history, model, { cutoffDay: history.asOfDay, priorSampleSize: prior, priorMeans, filters }),
    // filters is rebuilt every render from these values
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [history, model, prior, priorMeans, windowQuarters, band.min, band.max, owner, region],
  );
  const [accepted, setAccepted] = useState<Record<string, { conversion: boolean; duration: boolean }>>(() => Object.fromEntries(model.stages.map((s) => [s.id, { conversion: true, duration: true }])));
  const choice = (id: string) => accepted[id] ?? { conversion: true, duration: true };
  const setAll = (value: boolean) => setAccepted(Object.fromEntries(model.stages.map((s) => [s.id, { conversion: value, duration: value }])));
  const count = fit.stages.reduce((n, s) => n + (choice(s.stageId).conversion ? 1 : 0) + (choice(s.stageId).duration && s.duration.proposed ? 1 : 0), 0);

  const accept = () => {
    const state = useAppStore.getState();
    state.edit((m) => {
      const next = applyFit(m, fit, accepted);
      // The stage mapping is shared with the pipeline import: remember the open stages' mapping.
      const open = Object.fromEntries(Object.entries(loaded.crmMapping).filter(([, v]) => v !== WON && v !== LOST && v !== '' && m.stages.some((s) => s.id === v)));
      return Object.keys(open).length > 0 ? { ...next, crmStageMapping: { ...(m.crmStageMapping ?? {}), ...open } } : next;
    });
    state.addNotice('info', `Accepted ${count} fitted value${count === 1 ? '' : 's'} from ${loaded.fileName}. Undo brings the previous stage model back.`);
  };
  const shown = fit.stages.find((s) => s.stageId === chartStage) ?? fit.stages[0];

  return (
    <section className="card" aria-labelledby="fit-title">
      <h2 id="fit-title">Proposed stage model</h2>
      <p className="card-subtitle">
        From {fit.dealsUsed} deals. Conversion: the deals that left each stage, with the rate you had before this history counted as {prior} deal{prior === 1 ? '' : 's'} of prior experience. Duration: a lognormal fitted to the time deals spent in the stage, counting deals still there as “at least this long”.
      </p>
      <div className="inline-row filters">
        <label htmlFor={ids.prior}>Weight of your earlier rates (deals)</label>
        <input id={ids.prior} inputMode="numeric" className="short" value={prior} onChange={(e) => setPrior(Math.max(0, Math.min(1000, Number(e.target.value) || 0)))} />
        <label htmlFor={ids.window}>Deals created</label>
        <select id={ids.window} value={windowQuarters ?? ''} onChange={(e) => setWindowQuarters(e.target.value ? Number(e.target.value) : null)}>
          <option value="">at any time</option>
          {[4, 8, 12].map((n) => (
            <option key={n} value={n}>
              in the last {n} quarters
            </option>
          ))}
        </select>
        <label htmlFor={ids.min}>Amount from</label>
        <input id={ids.min} inputMode="numeric" className="short" value={band.min} onChange={(e) => setBand({ ...band, min: e.target.value })} />
        <label htmlFor={ids.max}>to</label>
        <input id={ids.max} inputMode="numeric" className="short" value={band.max} onChange={(e) => setBand({ ...band, max: e.target.value })} />
        {owners.length > 0 ? (
          <>
            <label htmlFor={ids.owner}>Owner</label>
            <select id={ids.owner} value={owner ?? ''} onChange={(e) => setOwner(e.target.value || null)}>
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
            <select id={ids.region} value={region ?? ''} onChange={(e) => setRegion(e.target.value || null)}>
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
            <th scope="col">Conversion now → fitted</th>
            <th scope="col">Deals behind it</th>
            <th scope="col">Typical / slow days now → fitted</th>
            <th scope="col">Deals behind it</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {fit.stages.map((s) => (
            <tr key={s.stageId}>
              <th scope="row">{s.name}</th>
              <td>
                <label>
                  <input
                    type="checkbox"
                    checked={choice(s.stageId).conversion}
                    onChange={(e) => setAccepted({ ...accepted, [s.stageId]: { ...choice(s.stageId), conversion: e.target.checked } })}
                    aria-label={`Accept ${s.name} conversion`}
                  />{' '}
                  {pct(s.conversion.current)} → <strong>{pct(s.conversion.proposed)}</strong>
                </label>
              </td>
              <td>
                {s.conversion.successes} moved on, {s.conversion.failures} lost
              </td>
              <td>
                {s.duration.proposed ? (
                  <label>
                    <input
                      type="checkbox"
                      checked={choice(s.stageId).duration}
                      onChange={(e) => setAccepted({ ...accepted, [s.stageId]: { ...choice(s.stageId), duration: e.target.checked } })}
                      aria-label={`Accept ${s.name} duration`}
                    />{' '}
                    {days(s.duration.current.median)} / {days(s.duration.current.p90)} → <strong>{days(s.duration.proposed.median)} / {days(s.duration.proposed.p90)}</strong>
                  </label>
                ) : (
                  `${days(s.duration.current.median)} / ${days(s.duration.current.p90)} (kept)`
                )}
              </td>
              <td>
                {s.duration.events} finished, {s.duration.censored} still there
              </td>
              <td className={s.warnings.length ? 'warning-text' : undefined}>{s.warnings.join(' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="modal-actions">
        <button type="button" onClick={() => setAll(true)}>
          Select all
        </button>
        <button type="button" onClick={() => setAll(false)}>
          Select none
        </button>
        <button type="button" disabled={count === 0} onClick={accept}>
          Accept {count} selected value{count === 1 ? '' : 's'}
        </button>
      </div>

      <div className="inline-row">
        <label htmlFor={ids.chart}>Time in stage for</label>
        <select id={ids.chart} value={shown?.stageId ?? ''} onChange={(e) => setChartStage(e.target.value)}>
          {model.stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
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
