import { parseArgs } from 'node:util';
import { DEFAULT_SEED, MAX_SEED } from '../shared/engine/constants.ts';
import { backtest, compareHalfLives, type Backtest, type HalfLifeComparison } from '../shared/history/backtest.ts';
import { BACKTEST_TRIALS } from '../shared/analysis/trial-counts.ts';
import { percent, whole } from '../shared/format/numbers.ts';
import { fail, ok, type Problem, type Result } from '../shared/result.ts';
import { positiveNumber } from './calibrate.ts';
import { describeLeftOut, readHistoryFile, readModelFile } from './history-input.ts';

export const BACKTEST_USAGE = `Usage: npm run forecast -- backtest HISTORY.csv --model MODEL.json --quarters N [--half-life Q] [--compare-half-lives] [--trials N] [--seed S] [--json]

  HISTORY.csv           a CRM stage-history export (the same layouts as calibrate)
  --model FILE          the model whose stages (not their values) are replayed (format v1)
  --quarters N          how many of the last complete fiscal quarters to replay (1 to 40)
  --half-life Q         older stage exits count half as much every Q quarters in each quarter's fit
  --compare-half-lives  also replay with no half-life, 8 and 4 quarters, and suggest one
  --trials N            trials per quarter (default 5000)
  --seed S              random seed (default ${DEFAULT_SEED})
  --json                print the result as JSON on stdout and nothing else`;


export function parseBacktestArgs(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { model: { type: 'string' }, quarters: { type: 'string' }, 'half-life': { type: 'string' }, 'compare-half-lives': { type: 'boolean' }, trials: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return fail([{ path: 'arguments', message: error instanceof Error ? error.message : String(error) }]);
  }
  if (parsed.values.help) return ok('help' as const);
  const problems: Problem[] = [];
  const v = parsed.values;
  if (parsed.positionals.length !== 1) problems.push({ path: 'arguments', message: `expected one history CSV file, got ${parsed.positionals.length}` });
  if (!v.model) problems.push({ path: '--model', message: 'is required: the model whose stages are replayed' });
  if (v.quarters === undefined) problems.push({ path: '--quarters', message: 'is required: how many past quarters to replay' });
  const wholeArg = (text: string | undefined, name: string, min: number, max: number) => {
    const value = positiveNumber(text, name, min, max, problems);
    if (value !== null && !Number.isInteger(value)) problems.push({ path: `--${name}`, message: `must be a whole number (got "${text}")` });
    return value;
  };
  const quarters = wholeArg(v.quarters, 'quarters', 1, 40) ?? 0;
  const trials = wholeArg(v.trials, 'trials', 100, 200_000) ?? BACKTEST_TRIALS;
  const seed = wholeArg(v.seed, 'seed', 0, MAX_SEED) ?? DEFAULT_SEED;
  const halfLifeQuarters = positiveNumber(v['half-life'], 'half-life', 0.25, 100, problems);
  if (problems.length > 0) return fail(problems);
  return ok({ historyPath: parsed.positionals[0] ?? '', modelPath: v.model ?? '', quarters, trials, seed, halfLifeQuarters, compare: v['compare-half-lives'] ?? false, json: v.json ?? false });
}

/** The `--json` contract of `backtest` (see README). */
export function backtestJson(result: Backtest, comparison: HalfLifeComparison | null) {
  return {
    halfLifeQuarters: result.halfLifeQuarters,
    quarters: result.quarters.map((q) => ({
      start: q.start,
      label: q.label,
      actual: q.actual,
      p10: q.p10,
      p50: q.p50,
      p90: q.p90,
      inside: q.inside,
      scored: q.scored,
      ...(q.reason ? { reason: q.reason } : {}),
      pit: q.pit,
      baselines: { weightedPipeline: q.weighted, lastQuarter: q.lastQuarter, sameQuarterLastYear: q.sameQuarterLastYear },
    })),
    coverage: result.coverage,
    scores: result.scores,
    pitHistogram: result.pitHistogram,
    calibration: result.calibration,
    ...(comparison ? { halfLives: comparison.runs.map((r) => ({ halfLifeQuarters: r.halfLifeQuarters, pinball: r.scores.pinball, crps: r.scores.crps, coverage: r.coverage.share })), suggestedHalfLife: comparison.suggested } : {}),
    notes: result.notes,
  };
}

const money = (v: number | null) => (v === null ? '–' : whole(v));

function textReport(result: Backtest, comparison: HalfLifeComparison | null, currency: string): string {
  const lines = [`Quarter      Actual (${currency})   P10          P50          P90          Inside`];
  for (const q of result.quarters) lines.push(`${q.label.padEnd(12)} ${money(q.actual).padStart(13)} ${money(q.p10).padStart(12)} ${money(q.p50).padStart(12)} ${money(q.p90).padStart(12)}  ${q.scored ? (q.inside ? 'yes' : 'no') : `– ${q.reason ?? ''}`}`);
  const c = result.coverage;
  lines.push('', c.share === null ? 'No quarter had enough history before it to be scored.' : `Inside P10–P90 in ${c.inside} of ${c.scored} scored quarters (${percent(c.share)}; 90% interval ${percent(c.interval90[0])}–${percent(c.interval90[1])}; near 80% when honest).`);
  const s = result.scores;
  lines.push(`Mean pinball loss (P10/P50/P90, lower is better): forecast ${money(s.pinball)}, weighted pipeline ${money(s.baselines.weightedPipeline)}, last quarter's actual ${money(s.baselines.lastQuarter)}, same quarter last year ${money(s.baselines.sameQuarterLastYear)}.`);
  if (s.brier !== null) lines.push(`Deal-level Brier score: ${s.brier.toFixed(3)}.`);
  if (comparison) lines.push(`Half-lives: ${comparison.runs.map((r) => `${r.halfLifeQuarters === null ? 'none' : `${r.halfLifeQuarters} quarters`} ${money(r.scores.pinball)}`).join(', ')}; suggested: ${comparison.suggested === null ? 'none' : `${comparison.suggested} quarters`}.`);
  lines.push(...result.notes);
  return `${lines.join('\n')}\n`;
}

/** `backtest`: replays past quarters from a CRM history. Returns the exit code (2: bad input). */
export async function runBacktest(argv: string[], report: (problems: Problem[]) => number): Promise<number> {
  const args = parseBacktestArgs(argv);
  if (!args.ok) return report(args.problems);
  if (args.value === 'help') {
    process.stdout.write(`${BACKTEST_USAGE}\n`);
    return 0;
  }
  const { historyPath, modelPath, quarters, trials, seed, halfLifeQuarters, compare, json } = args.value;
  const model = await readModelFile(modelPath);
  if (!model.ok) return report(model.problems);
  const loaded = await readHistoryFile(historyPath, model.value);
  if (!loaded.ok) return report(loaded.problems);
  for (const line of describeLeftOut(historyPath, loaded.value)) process.stderr.write(`${line}\n`);
  const options = { trials, seed };
  let comparison: HalfLifeComparison | null = null;
  let result: Result<Backtest>;
  if (compare) {
    const compared = await compareHalfLives(loaded.value.history, model.value, quarters, options);
    if (!compared.ok) return report(compared.problems);
    comparison = compared.value;
    const same = comparison.runs.find((r) => r.halfLifeQuarters === halfLifeQuarters);
    result = same ? ok(same) : await backtest(loaded.value.history, model.value, quarters, { ...options, halfLifeQuarters });
  } else result = await backtest(loaded.value.history, model.value, quarters, { ...options, halfLifeQuarters });
  if (!result.ok) return report(result.problems);
  process.stdout.write(json ? `${JSON.stringify(backtestJson(result.value, comparison), null, 2)}\n` : textReport(result.value, comparison, model.value.currency));
  return 0;
}
