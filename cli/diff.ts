import { parseArgs } from 'node:util';
import { whatChanged, type WhatChanged } from '../shared/analysis/what-changed.ts';
import { DEFAULT_SEED, DEFAULT_TRIALS, MAX_SEED, MAX_TRIALS } from '../shared/engine/constants.ts';
import { fail, ok, type Problem, type Result } from '../shared/result.ts';
import { positiveNumber } from './calibrate.ts';
import { readModelFile } from './history-input.ts';
import { formatDiffReport } from './diff-report.ts';

export const DIFF_USAGE = `Usage: npm run forecast -- diff BEFORE.json AFTER.json [--trials N] [--seed S] [--json]

  BEFORE.json  the earlier model file (format v1), for example last week's copy
  AFTER.json   the later model file
  --trials N   trials of each rerun (default ${DEFAULT_TRIALS}, at most ${MAX_TRIALS})
  --seed S     random seed, shared by every rerun (default ${DEFAULT_SEED})
  --json       print the comparison as JSON on stdout and nothing else

Reruns the forecast once per cause, in a fixed order (stage model, new pipeline and targets; time
passing; won, lost or gone; amounts; stage moves; stage dates; close dates; added deals) with the same
random numbers, so the steps add up exactly to the change of each shared quarter's mean and median.`;

interface DiffArgs {
  beforePath: string;
  afterPath: string;
  trials: number;
  seed: number;
  json: boolean;
}

export function parseDiffArgs(argv: string[]): Result<DiffArgs | 'help'> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { trials: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return fail([{ path: 'arguments', message: error instanceof Error ? error.message : String(error) }]);
  }
  if (parsed.values.help) return ok('help');
  const problems: Problem[] = [];
  if (parsed.positionals.length !== 2) problems.push({ path: 'arguments', message: `expected two model files, BEFORE.json and AFTER.json, got ${parsed.positionals.length}` });
  const whole = (text: string | undefined, name: string, min: number, max: number) => {
    const value = positiveNumber(text, name, min, max, problems);
    if (value !== null && !Number.isInteger(value)) problems.push({ path: `--${name}`, message: `must be a whole number (got "${text}")` });
    return value;
  };
  const trials = whole(parsed.values.trials, 'trials', 1, MAX_TRIALS) ?? DEFAULT_TRIALS;
  const seed = whole(parsed.values.seed, 'seed', 0, MAX_SEED) ?? DEFAULT_SEED;
  if (problems.length > 0) return fail(problems);
  return ok({ beforePath: parsed.positionals[0] ?? '', afterPath: parsed.positionals[1] ?? '', trials, seed, json: parsed.values.json ?? false });
}

/** The `--json` contract of `diff` (see README). */
export function diffJson(changed: WhatChanged) {
  return {
    quarters: changed.quarters.map((q) => ({ start: q.start, label: q.label, before: q.before, after: q.after })),
    deals: changed.deals.map((d) => ({ id: d.id, name: d.name, change: d.change, expectedChangeByQuarter: d.expectedChangeByQuarter })),
    causes: changed.causes.map((c) => ({ cause: c.cause, meanChangeByQuarter: c.meanChangeByQuarter, p50ChangeByQuarter: c.p50ChangeByQuarter })),
    newPipelineChangeByQuarter: changed.newPipelineChangeByQuarter,
  };
}

export async function runDiff(argv: string[], badInput: (problems: Problem[]) => number): Promise<number> {
  const args = parseDiffArgs(argv);
  if (!args.ok) return badInput(args.problems);
  if (args.value === 'help') {
    process.stdout.write(`${DIFF_USAGE}\n`);
    return 0;
  }
  const { beforePath, afterPath, trials, seed, json } = args.value;
  const [before, after] = await Promise.all([readModelFile(beforePath), readModelFile(afterPath)]);
  if (!before.ok || !after.ok) return badInput([...(before.ok ? [] : before.problems), ...(after.ok ? [] : after.problems)]);
  const showProgress = !json && process.stderr.isTTY;
  const changed = await whatChanged(before.value, after.value, { trials, seed }, showProgress ? (done, total) => void process.stderr.write(`\rRerunning… ${done} of ${total}`) : undefined);
  if (showProgress) process.stderr.write('\r\x1b[K');
  if (!changed.ok) return badInput(changed.problems);
  process.stdout.write(json ? `${JSON.stringify(diffJson(changed.value), null, 2)}\n` : formatDiffReport(after.value.currency, changed.value));
  return 0;
}
