import { DEFAULT_CSV_OPTIONS, EUROPEAN_CSV_OPTIONS } from '../../shared/csv/write-csv.ts';
import { exportFileName, forecastCsvFiles, type ForecastTable } from '../../shared/export/forecast-csv.ts';
import type { ChartData } from '../../shared/engine/chart-data.ts';
import type { ForecastResult } from '../../shared/engine/result-types.ts';
import type { ExportPayload, ForecastAppApi } from '../../shared/ipc/contract.ts';
import type { ForecastModel } from '../../shared/model/schema.ts';
import { formatProblems } from '../../shared/result.ts';
import { exportFootnote, figurePng, figureSvg, type Background } from '../charts/export/export-figure.ts';
import { resolveExportSize, type SizeChoice } from '../charts/export/export-size.ts';
import type { Figure } from '../charts/figure.ts';
import { cacFigure } from '../figures/cac-figure.tsx';
import { fanFigure } from '../figures/fan-figure.tsx';
import { quarterFigure } from '../figures/quarter-figure.tsx';
import { histogramFigure } from '../figures/histogram-figure.tsx';
import { useAppStore, type AppState } from '../state/store.ts';
import type { ScenarioRun } from '../../shared/analysis/compare.ts';
import { comparedScenarioIds } from '../../shared/scenarios/compared.ts';
import { whilePrinting } from './printing.ts';
import { scenarioComparisonCsv } from '../../shared/export/scenario-csv.ts';
import type { AnalysisRunner } from '../workers/analysis-runner.ts';
import { compareFigure } from '../figures/compare-figure.tsx';
import type { WhatChanged } from '../../shared/analysis/what-changed.ts';
import { whatChangedCsv } from '../../shared/export/what-changed-csv.ts';
import { snapshotDaysBefore } from '../../shared/snapshots/snapshot-schedule.ts';
import { modelAt } from '../../shared/snapshots/snapshot-store.ts';
import { waterfallFigure } from '../figures/waterfall-figure.tsx';
import { sideLabel } from '../features/what-changed/snapshot-labels.ts';

export type CsvFormat = 'standard' | 'european';

export interface ChartExportOptions {
  size: SizeChoice;
  density: number;
  background: Background;
}

export const SLIDE_PNG: ChartExportOptions = { size: { kind: 'slide' }, density: 1, background: 'white' };

const csvOptions = (format: CsvFormat) => (format === 'european' ? EUROPEAN_CSV_OPTIONS : DEFAULT_CSV_OPTIONS);

const TABLE_FILE: Record<ForecastTable, string> = { quarters: 'quarters', deals: 'deals', cac: 'cac-by-stage', metadata: 'run-details' };
/** The European variant gets a name of its own, so both can sit in one folder and nobody opens the wrong one. */
const csvName = (what: string, format: CsvFormat) => (format === 'european' ? `${what}-eu` : what);

/** The run an export describes: finished and matching the model, or the reason there is none. */
type SettledRun = { document: ForecastModel; result: ForecastResult; charts: ChartData; selectedQuarter: number };
type Refusal = { error: string };
type Rendered = { data: string | Uint8Array<ArrayBuffer>; name: string };

function settledRun(state: AppState): SettledRun | Refusal {
  if (!state.document || !state.result || !state.charts) return { error: 'There is no forecast to export yet.' };
  if (state.stale) return { error: 'The model has errors, so the forecast on screen is out of date. Fix the errors listed at the top, then export.' };
  return { document: state.document, result: state.result, charts: state.charts, selectedQuarter: state.selectedQuarter };
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

/**
 * Everything that leaves the app as a file: forecast CSVs, chart images and the board pack. Exports
 * wait for the run in flight to finish so a file never holds a half-refined forecast.
 */
export class Exports {
  constructor(
    private readonly api: ForecastAppApi,
    private readonly appVersion: string,
    private readonly compare: AnalysisRunner,
  ) {}

  /** Stops the board pack's comparison worker, if one was started. */
  dispose(): void {
    this.compare.dispose();
  }

  private whenSettled(): Promise<AppState> {
    return new Promise((resolve) => {
      const state = useAppStore.getState();
      if (!state.progress) return resolve(state);
      const stop = useAppStore.subscribe((s) => {
        if (!s.progress) {
          stop();
          resolve(s);
        }
      });
    });
  }

  private notify(tone: 'info' | 'error', text: string) {
    useAppStore.getState().addNotice(tone, text);
  }

  private async save(payload: ExportPayload): Promise<boolean> {
    const saved = await this.api.saveExport(payload);
    if (!saved.ok) {
      this.notify('error', `${payload.suggestedName} could not be saved:\n${formatProblems(saved.problems)}`);
      return false;
    }
    if (saved.value) this.notify('info', `Saved ${saved.value.location}.`);
    return saved.value !== null;
  }

  private csvFiles(run: SettledRun, format: CsvFormat) {
    const name = run.document.name ?? 'workspace';
    return forecastCsvFiles(run.document, run.result, { appVersion: this.appVersion, modelFileName: `${name} (workspace)` }, csvOptions(format));
  }

  /** One forecast table as CSV, through the Save dialog (or a download). */
  async table(table: ForecastTable, format: CsvFormat): Promise<boolean> {
    const run = settledRun(await this.whenSettled());
    if ('error' in run) return this.notify('error', run.error), false;
    return this.save({ suggestedName: exportFileName(run.result, csvName(TABLE_FILE[table], format), 'csv'), data: this.csvFiles(run, format)[table] });
  }

  private async render(figure: Figure, options: ChartExportOptions, format: 'png' | 'svg'): Promise<Rendered | Refusal> {
    const run = settledRun(await this.whenSettled());
    if ('error' in run) return run;
    const resolved = resolveExportSize(options.size, options.density);
    if (!resolved.ok) return { error: resolved.message };
    const footnote = exportFootnote(run.result, run.document.name ?? 'Workspace');
    const name = exportFileName(run.result, figure.fileName, format);
    try {
      if (format === 'svg') return { name, data: await figureSvg(figure, resolved.size, options.background, footnote) };
      return { name, data: await bytesOf(await figurePng(figure, resolved.size, options.background, footnote)) };
    } catch (error) {
      return { error: `The chart could not be drawn for export: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  /** A chart as a PNG or SVG file. */
  async chart(figure: Figure, options: ChartExportOptions, format: 'png' | 'svg'): Promise<boolean> {
    const rendered = await this.render(figure, options, format);
    if ('error' in rendered) return this.notify('error', rendered.error), false;
    return this.save({ suggestedName: rendered.name, data: rendered.data });
  }

  /**
   * The one-page summary (print stylesheet) as a PDF: written by the desktop app through the Save
   * dialog; in the browser, the print dialog, whose "Save as PDF" gives the same page.
   */
  async summaryPdf(): Promise<boolean> {
    const run = settledRun(await this.whenSettled());
    if ('error' in run) return this.notify('error', run.error), false;
    const suggestedName = exportFileName(run.result, 'summary', 'pdf');
    const printed = await whilePrinting(() => this.api.printSummaryPdf({ suggestedName }));
    if (!printed.ok) return this.notify('error', `The summary could not be saved as PDF:\n${formatProblems(printed.problems)}`), false;
    if (printed.value && this.api.host === 'electron') this.notify('info', `Saved ${printed.value.location}.`);
    return printed.value !== null;
  }

  /** A chart as a PNG on the clipboard, to paste into a slide. */
  async copyChart(figure: Figure, options: ChartExportOptions): Promise<boolean> {
    const rendered = await this.render(figure, options, 'png');
    if ('error' in rendered) return this.notify('error', rendered.error), false;
    try {
      const blob = new Blob([rendered.data], { type: 'image/png' });
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
      this.notify('info', `Copied “${figure.title}” to the clipboard as an image.`);
      return true;
    } catch (error) {
      this.notify('error', `The chart could not be copied to the clipboard (${error instanceof Error ? error.message : String(error)}). Save it as PNG instead.`);
      return false;
    }
  }

  /** The compared scenarios as CSV, one row per scenario and quarter. */
  async scenarioComparison(runs: readonly ScenarioRun[], format: CsvFormat): Promise<boolean> {
    const run = settledRun(await this.whenSettled());
    if ('error' in run) return this.notify('error', run.error), false;
    return this.save({ suggestedName: exportFileName(run.result, csvName('scenarios', format), 'csv'), data: scenarioComparisonCsv(runs, run.document.currency, csvOptions(format)) });
  }

  /** The backtest's two tables. */
  async backtest(files: { quarters: string; calibration: string }): Promise<boolean> {
    const run = settledRun(await this.whenSettled());
    if ('error' in run) return this.notify('error', run.error), false;
    const saved = await this.save({ suggestedName: exportFileName(run.result, 'backtest', 'csv'), data: files.quarters });
    return saved && this.save({ suggestedName: exportFileName(run.result, 'backtest-calibration', 'csv'), data: files.calibration });
  }

  /** Each deal's change of expected bookings per quarter, split by cause, as CSV. */
  async whatChangedCsv(changed: WhatChanged, currency: string, format: CsvFormat = 'standard'): Promise<boolean> {
    const run = settledRun(await this.whenSettled());
    if ('error' in run) return this.notify('error', run.error), false;
    return this.save({ suggestedName: exportFileName(run.result, 'what-changed-deals', 'csv'), data: whatChangedCsv(changed, currency, csvOptions(format)) });
  }

  /**
   * The board pack's waterfall of the current quarter: the comparison on screen if it is of this model,
   * else the latest snapshot at least a week old against now, run now; null when there is none.
   */
  private async packWaterfall(run: SettledRun): Promise<Figure | null> {
    const { snapshots, comparison, before: chosen, after } = useAppStore.getState().snapshotView;
    // Only a real week-on-week view goes to the board: the one chosen on screen, or last week's snapshot.
    const before = chosen ?? snapshotDaysBefore(snapshots, new Date(), 7);
    if (before === null || before === 'now') return null;
    let changed = comparison?.document === run.document && comparison.value.ok ? comparison.value.value : null;
    const afterSide = changed ? after : 'now';
    if (!changed) {
      const state = useAppStore.getState();
      const output = await this.compare.run({ kind: 'whatChanged', before: modelAt(snapshots, before), after: run.document, trials: state.trials, seed: state.seed });
      changed = output?.value.ok ? output.value.value : null;
    }
    const current = changed?.quarters.findIndex((q) => q.start === run.result.quarters[0]?.start) ?? -1;
    if (!changed || current < 0) return null;
    return waterfallFigure(changed, current, 'mean', run.document.currency, { before: sideLabel(before, snapshots.entries), after: sideLabel(afterSide, snapshots.entries) });
  }

  /**
   * The comparison for the board pack: the scenarios ticked for comparison (saved with the workspace,
   * so the pack and the comparison CSV agree), taken from the screen when it is current.
   */
  private async packComparison(run: SettledRun): Promise<ScenarioRun[] | null> {
    if ((run.document.scenarios ?? []).length === 0) return null;
    const ids = comparedScenarioIds(run.document);
    if (ids.length === 0) return null;
    const current = useAppStore.getState().analyses.compare.answer;
    if (current && current.job.model === run.document && current.output.runs.map((r) => r.id).join('|') === ids.join('|')) return current.output.runs;
    const state = useAppStore.getState();
    const output = await this.compare.run({ kind: 'compare', model: run.document, ids, trials: state.trials, seed: state.seed });
    return output?.runs ?? null;
  }

  /**
   * The board pack: the quarter chart, the selected quarter's range of outcomes, the fan chart, CAC by
   * stage and (with snapshots) what moved the current quarter since last week, as slide-sized PNGs, with the forecast CSVs, in one new folder (one zip in the browser).
   */
  async boardPack(format: CsvFormat): Promise<boolean> {
    const run = settledRun(await this.whenSettled());
    if ('error' in run) return this.notify('error', run.error), false;
    const { document, result, charts } = run;
    const figures = [
      quarterFigure(result, document.currency),
      histogramFigure(result, charts, run.selectedQuarter, document.currency),
      fanFigure(charts, document.currency, document.asOf),
      cacFigure(document, result),
    ].filter((f): f is Figure => f !== null);
    const comparison = await this.packComparison(run);
    const compared = comparison ? compareFigure(comparison, document.currency, result.meta.seed) : null;
    if (compared) figures.push(compared);
    const waterfall = await this.packWaterfall(run);
    if (waterfall) figures.push(waterfall);
    const files: ExportPayload[] = [];
    for (const [index, figure] of figures.entries()) {
      const rendered = await this.render(figure, SLIDE_PNG, 'png');
      if ('error' in rendered) return this.notify('error', rendered.error), false;
      files.push({ suggestedName: `${index + 1}-${rendered.name}`, data: rendered.data });
    }
    const csv = this.csvFiles(run, format);
    for (const table of ['quarters', 'deals', 'cac', 'metadata'] as const) files.push({ suggestedName: exportFileName(result, csvName(TABLE_FILE[table], format), 'csv'), data: csv[table] });
    if (comparison) files.push({ suggestedName: exportFileName(result, csvName('scenarios', format), 'csv'), data: scenarioComparisonCsv(comparison, document.currency, csvOptions(format)) });
    const saved = await this.api.saveExportFolder({ folderName: exportFileName(result, 'board-pack', ''), files });
    if (!saved.ok) return this.notify('error', `The board pack could not be saved:\n${formatProblems(saved.problems)}`), false;
    if (saved.value) this.notify('info', `Saved the board pack (${figures.length} charts and ${files.length - figures.length} CSV files${comparison ? ', with the scenario comparison' : ''}) to ${saved.value.location}.`);
    return saved.value !== null;
  }
}
