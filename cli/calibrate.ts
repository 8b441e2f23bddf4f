import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { parseArgs } from 'node:util';
import { finePercent } from '../shared/format/numbers.ts';
import { applyFit, DEFAULT_PRIOR_SAMPLE_SIZE, fitHistory, NO_FILTERS, type HistoryFit } from '../shared/history/fit-history.ts';
import type { ForecastModel } from '../shared/model/schema.ts';
import { fail, ok, type Problem, type Result } from '../shared/result.ts';
import { fitSignals, type SignalsFit } from '../shared/signals/fit-signals.ts';
import { describeLeftOut, readHistoryFile, readModelFile } from './history-input.ts';

export const CALIBRATE_USAGE = `Usage: npm run forecast -- calibrate HISTORY.csv --model MODEL.json [--prior-weight N] [--half-life Q] [--json] [--out FITTED.json]

  HISTORY.csv       a CRM stage-history export (Salesforce Opportunity History or Stage Duration, HubSpot deal stage history or deals with "Date entered" columns)
  --model FILE      the forecast model whose stages are fitted (format v1)
  --prior-weight N  weight of the model's rates before this history, in deals (default ${DEFAULT_PRIOR_SAMPLE_SIZE}; at least 2 count)
  --half-life Q     older stage exits count half as much every Q quarters (default: all the same)
  --json            print the fit as JSON on stdout and nothing else
  --out FILE        write the model with every fitted value applied`;

export interface CalibrateArgs {
  historyPath: string;
  modelPath: string;
  priorWeight: number;
  halfLifeQuarters: number | null;
  json: boolean;
  outPath: string | null;
}

export function positiveNumber(text: string | undefined, name: string, min: number, max: number, problems: Problem[]): number | null {
  if (text === undefined) return null;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    problems.push({ path: `--${name}`, message: `must be a number from ${min} to ${max} (got "${text}")` });
    return null;
  }
  return value;
}

export function parseCalibrateArgs(argv: string[]): Result<CalibrateArgs | 'help'> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { model: { type: 'string' }, 'prior-weight': { type: 'string' }, 'half-life': { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return fail([{ path: 'arguments', message: error instanceof Error ? error.message : String(error) }]);
  }
  if (parsed.values.help) return ok('help');
  const problems: Problem[] = [];
  if (parsed.positionals.length !== 1) problems.push({ path: 'arguments', message: `expected one history CSV file, got ${parsed.positionals.length}` });
  if (!parsed.values.model) problems.push({ path: '--model', message: 'is required: the model whose stages are fitted' });
  const priorWeight = positiveNumber(parsed.values['prior-weight'], 'prior-weight', 0, 1000, problems) ?? DEFAULT_PRIOR_SAMPLE_SIZE;
  const halfLifeQuarters = positiveNumber(parsed.values['half-life'], 'half-life', 0.25, 100, problems);
  if (problems.length > 0) return fail(problems);
  return ok({ historyPath: parsed.positionals[0] ?? '', modelPath: parsed.values.model ?? '', priorWeight, halfLifeQuarters, json: parsed.values.json ?? false, outPath: parsed.values.out ?? null });
}

/** The `signals` part of `calibrate --json`: per signal with a column in the file, each non-baseline value's fit. */
export function signalsJson(fit: SignalsFit, signalColumns: Readonly<Record<string, number>>) {
  return fit.signals
    .filter((s) => signalColumns[s.signalId] !== undefined)
    .map((s) => ({
      id: s.signalId,
      appliesFrom: s.appliesFrom,
      values: Object.fromEntries(s.values.map((v) => [v.value, { oddsRatio: v.oddsRatio, interval: v.interval, exits: v.exits, logSd: v.logSd, enoughData: v.enoughData }])),
    }));
}

/** The `--json` contract of `calibrate` (see README). */
export function calibrationJson(fit: HistoryFit, problems: readonly { line: number; message: string }[], unmappedStages: readonly string[], signals?: ReturnType<typeof signalsJson>) {
  return {
    stages: fit.stages.map((s) => ({
      id: s.stageId,
      name: s.name,
      conversion: s.conversion.proposed,
      conversionSampleSize: s.conversion.sampleSize,
      conversionInterval: s.conversion.interval,
      duration: s.duration.proposed ?? s.duration.current,
      ...(s.duration.interval ? { durationInterval: s.duration.interval } : {}),
      ...(s.duration.sampleSize !== null && s.duration.proposed ? { durationSampleSize: s.duration.sampleSize } : {}),
      ...(s.duration.lossDuration ? { lossDuration: s.duration.lossDuration } : {}),
      durationRule: s.duration.rule,
      observations: { moved: s.conversion.successes, lost: s.conversion.failures, censored: s.duration.censored },
      warnings: s.warnings,
    })),
    problems: [...unmappedStages.map((crm) => ({ line: null, message: `CRM stage "${crm}" matches no stage of the model; its rows were left out` })), ...problems.map((p) => ({ line: p.line, message: p.message }))],
    notes: fit.notes,
    ...(signals && signals.length > 0 ? { signals } : {}),
  };
}

const day = (v: number) => (v < 10 ? v.toFixed(1) : Math.round(v).toString());

function signalsReport(fit: SignalsFit, signalColumns: Readonly<Record<string, number>>): string[] {
  const lines = ['', `Signals (odds ratio against the baseline, 90% interval, stage exits behind it; prior Normal(0, 1) on ln odds ratio):`];
  for (const s of fit.signals) {
    if (signalColumns[s.signalId] === undefined) continue;
    lines.push(`  ${s.name} (from stage ${s.appliesFrom} on)`);
    for (const v of s.values) {
      lines.push(`    ${v.value}: ×${v.oddsRatio.toFixed(2)} [${v.interval[0].toFixed(2)}–${v.interval[1].toFixed(2)}], ${v.exits} exits${v.enoughData ? '' : ' — not enough data'}`);
    }
  }
  lines.push('  A CRM export holds today\'s value of each field, not its value when the deal left each stage.');
  return lines;
}

function textReport(fit: HistoryFit, dealsUsed: number): string {
  const lines = [`Fitted on ${dealsUsed} deals (90% intervals in brackets).`, ''];
  for (const s of fit.stages) {
    lines.push(s.name);
    lines.push(`  conversion  ${finePercent(s.conversion.current)} → ${finePercent(s.conversion.proposed)} [${finePercent(s.conversion.interval[0])}–${finePercent(s.conversion.interval[1])}], worth ${s.conversion.sampleSize} deals (${s.conversion.successes} moved on, ${s.conversion.failures} lost)`);
    const d = s.duration;
    if (d.proposed && d.interval) {
      lines.push(`  days        median ${day(d.proposed.median)} [${day(d.interval.median[0])}–${day(d.interval.median[1])}], P90 ${day(d.proposed.p90)} [${day(d.interval.p90[0])}–${day(d.interval.p90[1])}] (${d.events} finished, ${d.censored} still there)`);
    } else lines.push(`  days        median ${day(d.current.median)}, P90 ${day(d.current.p90)} kept: too few finished deals`);
    if (d.lossDuration) lines.push(`  lost deals  median ${day(d.lossDuration.median)}, P90 ${day(d.lossDuration.p90)} days before they are lost`);
    lines.push(`  ${d.rule}`);
    for (const w of s.warnings) lines.push(`  Note: ${w}`);
  }
  for (const n of fit.notes) lines.push(n);
  return `${lines.join('\n')}\n`;
}

/** Writes next to the target and renames into place, so a failed write leaves no half file. */
async function writeAtomically(path: string, text: string): Promise<Result<null>> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, text, { mode: 0o644, flag: 'wx' });
    await rename(temporary, path);
    return ok(null);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    return fail([{ path, message: `cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})` }]);
  }
}

/** `calibrate`: fits the model's stages to a CRM history. Returns the exit code (2: bad input). */
export async function runCalibrate(argv: string[], report: (problems: Problem[]) => number): Promise<number> {
  const args = parseCalibrateArgs(argv);
  if (!args.ok) return report(args.problems);
  if (args.value === 'help') {
    process.stdout.write(`${CALIBRATE_USAGE}\n`);
    return 0;
  }
  const { historyPath, modelPath, priorWeight, halfLifeQuarters, json, outPath } = args.value;
  const model = await readModelFile(modelPath);
  if (!model.ok) return report(model.problems);
  const loaded = await readHistoryFile(historyPath, model.value);
  if (!loaded.ok) return report(loaded.problems);
  for (const line of describeLeftOut(historyPath, loaded.value)) process.stderr.write(`${line}\n`);
  // The prior is the rates before any history: kept in the model once a fit was accepted.
  const priorMeans = model.value.calibration?.priorMeans ?? Object.fromEntries(model.value.stages.map((s) => [s.id, s.conversion]));
  const fit = fitHistory(loaded.value.history, model.value, { cutoffDay: loaded.value.history.asOfDay, priorSampleSize: priorWeight, priorMeans, filters: NO_FILTERS, halfLifeQuarters });
  if (outPath) {
    const fitted: ForecastModel = {
      ...applyFit(model.value, fit, Object.fromEntries(model.value.stages.map((s) => [s.id, { conversion: true, duration: true }]))),
      calibration: { ...model.value.calibration, priorWeight: Math.max(2, priorWeight), priorMeans, ...(halfLifeQuarters !== null ? { halfLifeQuarters } : {}) },
    };
    const written = await writeAtomically(outPath, `${JSON.stringify(fitted, null, 2)}\n`);
    if (!written.ok) return report(written.problems);
  }
  const { signalColumns } = loaded.value;
  const signalsFit = Object.keys(signalColumns).length > 0 ? fitSignals(loaded.value.history, model.value, loaded.value.history.asOfDay) : null;
  const signals = signalsFit ? signalsJson(signalsFit, signalColumns) : undefined;
  const text = textReport(fit, fit.dealsUsed) + (signalsFit ? `${signalsReport(signalsFit, signalColumns).join('\n')}\n` : '');
  process.stdout.write(json ? `${JSON.stringify(calibrationJson(fit, loaded.value.problems, loaded.value.unmappedStages, signals), null, 2)}\n` : text);
  if (outPath && !json) process.stdout.write(`Wrote the fitted model to ${outPath}\n`);
  return 0;
}
