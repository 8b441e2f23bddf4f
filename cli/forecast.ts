import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { prepareForecast } from '../shared/engine/run.ts';
import { forecastCsvFiles } from '../shared/export/forecast-csv.ts';
import { validateModel } from '../shared/model/validate.ts';
import { applyScenario, type AppliedScenario } from '../shared/scenarios/apply-scenario.ts';
import { DEFAULT_CSV_OPTIONS, EUROPEAN_CSV_OPTIONS } from '../shared/csv/write-csv.ts';
import { fail, formatProblems, ok, type Problem, type Result } from '../shared/result.ts';
import { SAMPLE_WORKSPACE } from '../shared/sample/sample-workspace.ts';
import { FORECAST_USAGE, parseForecastArgs } from './args.ts';
import { writeOutFolder } from './out-folder.ts';
import { runBacktest } from './backtest.ts';
import { runCalibrate } from './calibrate.ts';
import { runDiff } from './diff.ts';
import { formatReport } from './terminal-report.ts';
import { runInWorkers } from './worker-pool.ts';
import { APP_VERSION } from './version.ts';

/** Exit codes: 0 done, 2 any failure (every problem on stderr, one per line, never a stack trace). */
async function main(argv: string[]): Promise<number> {
  // Subcommands for RevOps automation; anything else is a forecast of a model file.
  if (argv[0] === 'calibrate') return runCalibrate(argv.slice(1), badInput);
  if (argv[0] === 'backtest') return runBacktest(argv.slice(1), badInput);
  if (argv[0] === 'diff') return runDiff(argv.slice(1), badInput);
  const args = parseForecastArgs(argv);
  if (!args.ok) return badInput(args.problems);
  if (args.value.help) {
    process.stdout.write(`${FORECAST_USAGE}\n`);
    return 0;
  }
  const { modelPath, trials, seed, workers, json, outDir, european, scenario } = args.value;

  let input: unknown = SAMPLE_WORKSPACE;
  if (modelPath) {
    let text: string;
    try {
      // A pipe, device or folder would hang the read or fail obscurely; only a regular file is a model.
      if (!(await stat(modelPath)).isFile()) return badInput([{ path: modelPath, message: 'is not a regular file; give a model file (.json)' }]);
      text = await readFile(modelPath, 'utf8');
    } catch (error) {
      return badInput([{ path: modelPath, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` }]);
    }
    try {
      input = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      return badInput([{ path: modelPath, message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` }]);
    }
  }
  if (scenario !== null) {
    const chosen = scenarioModel(input, scenario);
    if (!chosen.ok) return badInput(chosen.problems);
    for (const note of chosen.value.ignored) process.stderr.write(`Scenario "${scenario}": ignored an override: ${note}\n`);
    input = chosen.value.model;
  }
  const plan = prepareForecast(input, { trials, seed });
  if (!plan.ok) return badInput(plan.problems);

  const showProgress = !json && process.stderr.isTTY;
  const result = await runInWorkers(plan.value, workers, new URL('./forecast-worker.mjs', import.meta.url), {
    ...(showProgress ? { onProgress: (done: number, total: number) => void process.stderr.write(`\rSimulating… ${Math.round((100 * done) / total)}%`) } : {}),
  });
  if (showProgress) process.stderr.write('\r\x1b[K');

  if (outDir) {
    const files = forecastCsvFiles(plan.value.model, result, { appVersion: APP_VERSION, modelFileName: modelPath ? basename(modelPath) : 'built-in sample workspace' }, european ? EUROPEAN_CSV_OPTIONS : DEFAULT_CSV_OPTIONS);
    const problem = await writeOutFolder(outDir, files);
    if (problem) return badInput([problem]);
  }
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : formatReport(plan.value.model, result));
  if (outDir && !json) process.stdout.write(`Wrote quarters.csv, deals.csv, cac.csv and metadata.csv to ${outDir}\n`);
  return 0;
}

/** The model of one of the file's scenarios, found by id or name. */
function scenarioModel(input: unknown, wanted: string): Result<AppliedScenario> {
  const baseline = validateModel(input);
  if (!baseline.ok) return baseline;
  const scenarios = baseline.value.scenarios ?? [];
  const found = scenarios.find((s) => s.id === wanted) ?? scenarios.find((s) => s.name === wanted);
  if (!found) {
    const known = scenarios.map((s) => `"${s.name}"`).join(', ');
    return fail([{ path: '--scenario', message: `the model has no scenario "${wanted}"${known ? ` (it has ${known})` : ' (it has none)'}` }]);
  }
  return ok(applyScenario(baseline.value, found));
}

function badInput(problems: Problem[]): number {
  process.stderr.write(`${formatProblems(problems)}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`The forecast stopped: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
