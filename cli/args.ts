import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { DEFAULT_SEED, DEFAULT_TRIALS, MAX_SEED, MAX_TRIALS } from '../shared/engine/constants.ts';
import { fail, ok, type Problem, type Result } from '../shared/result.ts';

export interface ForecastArgs {
  modelPath: string | null;
  trials: number;
  seed: number;
  workers: number;
  json: boolean;
  outDir: string | null;
  /** ';' with decimal commas for European spreadsheets. */
  european: boolean;
  /** Run this scenario of the model (its id or name) instead of the baseline. */
  scenario: string | null;
  help: boolean;
}

export const FORECAST_USAGE = `Usage: npm run forecast -- [MODEL.json] [--trials N] [--seed S] [--workers W] [--json] [--out DIR]

  MODEL.json    a forecast model file (format v1); without it, the built-in sample workspace
  --trials N    Monte Carlo trials (default ${DEFAULT_TRIALS}, at most ${MAX_TRIALS})
  --seed S      random seed, a whole number from 0 to ${MAX_SEED} (default ${DEFAULT_SEED})
  --workers W   worker threads (default: all cores)
  --json        print the full result as JSON on stdout and nothing else
  --out DIR     also write quarters.csv, deals.csv, cac.csv and metadata.csv into DIR, a new or empty
                folder, written whole or not at all
  --european    write those CSV files with ';' between fields and decimal commas
  --scenario S  forecast the model's scenario S (its id or name) instead of the baseline

       npm run forecast -- calibrate HISTORY.csv --model MODEL.json [--help for its options]
       npm run forecast -- backtest HISTORY.csv --model MODEL.json --quarters N [--help for its options]
       npm run forecast -- diff BEFORE.json AFTER.json [--trials N] [--seed S] [--json]`;

function wholeNumber(text: string | undefined, name: string, min: number, max: number, fallback: number, problems: Problem[]): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    problems.push({ path: `--${name}`, message: `must be a whole number from ${min} to ${max} (got "${text}")` });
    return fallback;
  }
  return value;
}

export function parseForecastArgs(argv: string[]): Result<ForecastArgs> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        trials: { type: 'string' },
        seed: { type: 'string' },
        workers: { type: 'string' },
        json: { type: 'boolean' },
        out: { type: 'string' },
        european: { type: 'boolean' },
        scenario: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return fail([{ path: 'arguments', message: error instanceof Error ? error.message : String(error) }]);
  }
  const problems: Problem[] = [];
  if (parsed.positionals.length > 1) problems.push({ path: 'arguments', message: `expected one model file, got ${parsed.positionals.length}` });
  const { values } = parsed;
  const args: ForecastArgs = {
    modelPath: parsed.positionals[0] ?? null,
    trials: wholeNumber(values.trials, 'trials', 1, MAX_TRIALS, DEFAULT_TRIALS, problems),
    seed: wholeNumber(values.seed, 'seed', 0, MAX_SEED, DEFAULT_SEED, problems),
    workers: wholeNumber(values.workers, 'workers', 1, 256, availableParallelism(), problems),
    json: values.json ?? false,
    outDir: values.out ?? null,
    european: values.european ?? false,
    scenario: values.scenario ?? null,
    help: values.help ?? false,
  };
  return problems.length > 0 ? fail(problems) : ok(args);
}
