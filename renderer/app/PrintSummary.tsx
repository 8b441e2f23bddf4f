import type { ForecastResult } from '../../shared/engine/result-types.ts';
import type { ForecastModel } from '../../shared/model/schema.ts';
import { FigureLegend } from '../charts/FigureLegend.tsx';
import { PRINT_PALETTE } from '../charts/palette.ts';
import { quarterFigure } from '../figures/quarter-figure.tsx';
import { fullMoney, percent } from '../../shared/format/numbers.ts';
import { friendlyDate } from '../../shared/format/dates.ts';

/** The chart's size on an A4 landscape page (273 × 186 mm inside the margins, at 96 CSS pixels per inch). */
const CHART_SIZE = { width: 1000, height: 250 };

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The one-page forecast summary for a board appendix, shown only when printing (the print dialog in
 * the browser, "Export PDF" on the desktop): per quarter the P10, median, P90 and chance of reaching
 * the target, the bookings chart, CAC by stage, and what the numbers are (workspace, as-of date,
 * trials, seed, date printed).
 */
export function PrintSummary({ model, result }: { model: ForecastModel; result: ForecastResult }) {
  const c = model.currency;
  const figure = quarterFigure(result, c);
  const full = result.cac.fullCycle;
  const lostTotal = Object.values(full.lostCostPerWinByStage).reduce((a: number, b) => a + (b ?? 0), 0);
  const money = (value: number | null | undefined) => (value === null || value === undefined ? '–' : fullMoney(value, c));
  return (
    <article className="print-summary">
      <header className="print-head">
        <div>
          <h1>{model.name ?? 'Workspace'}</h1>
          <p>
            Bookings forecast · pipeline as of {friendlyDate(model.asOf)} · printed {friendlyDate(today())} · {c}
          </p>
        </div>
        <p className="print-note">
          Forecast, not actuals: {result.meta.trials.toLocaleString('en-US')} Monte Carlo trials, seed {result.meta.seed}, engine {result.meta.engineVersion}
        </p>
      </header>
      <section>
        <h2>{figure.title}</h2>
        <p className="print-sub">{figure.subtitle}</p>
        <FigureLegend entries={figure.legend} />
        {figure.draw(PRINT_PALETTE, CHART_SIZE)}
      </section>
      <div className="print-columns">
        <section>
          <h2>Bookings per quarter</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Quarter</th>
                <th scope="col">P10 (9 in 10 above)</th>
                <th scope="col">Median (P50)</th>
                <th scope="col">P90 (1 in 10 above)</th>
                <th scope="col">Target</th>
                <th scope="col">Chance of reaching target</th>
                <th scope="col">Booked so far</th>
              </tr>
            </thead>
            <tbody>
              {result.quarters.map((q) => (
                <tr key={q.label}>
                  <th scope="row">{q.label}</th>
                  <td>{money(q.p10)}</td>
                  <td>{money(q.p50)}</td>
                  <td>{money(q.p90)}</td>
                  <td>{q.target === null ? 'none set' : money(q.target)}</td>
                  <td>{q.pTarget === null ? '–' : percent(q.pTarget)}</td>
                  <td>{money(q.booked)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h2>CAC by stage, full cycle, per won customer</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col">CAC</th>
                <th scope="col">Of it on lost deals</th>
              </tr>
            </thead>
            <tbody>
              {model.stages.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td>{money(full.costPerWinByStage[s.id])}</td>
                  <td>{money(full.lostCostPerWinByStage[s.id])}</td>
                </tr>
              ))}
              <tr className="print-total">
                <th scope="row">All stages</th>
                <td>{money(full.costPerWin)}</td>
                <td>{money(lostTotal)}</td>
              </tr>
            </tbody>
          </table>
          <p className="print-sub">What winning one customer costs over the whole cycle, spend on deals later lost included.</p>
        </section>
      </div>
    </article>
  );
}
