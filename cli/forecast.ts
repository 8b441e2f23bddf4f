import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { prepareForecast } from '../shared/engine/run.ts';
import { forecastCsvFiles } from '../shared/export/forecast-csv.ts';
import { DEFAULT_CSV_OPTIONS, EUROPEAN_CSV_OPTIONS } from '../shared/csv/write-csv.ts';
import { formatProblems, type Problem } from '../shared/result.ts';
import { SAMPLE_WORKSPACE } from '../shared/sample/sample-workspace.ts';
import { FORECAST_USAGE, parseForecastArgs } from './args.ts';
import { formatReport } from './terminal-report.ts';
import { runInWorkers } from './worker-pool.ts';
import { APP_VERSION } from './version.ts';

/** Exit codes: 0 done, 2 bad input (every problem on stderr), 1 anything unexpected. */
async function main(argv: string[]): Promise<number> {
  const args = parseForecastArgs(argv);
  if (!args.ok) return badInput(args.problems);
  if (args.value.help) {
    process.stdout.write(`${FORECAST_USAGE}\n`);
    return 0;
  }
  const { modelPath, trials, seed, workers, json, outDir, european } = args.value;

  let input: unknown = SAMPLE_WORKSPACE;
  if (modelPath) {
    let text: string;
    try {
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
  const plan = prepareForecast(input, { trials, seed });
  if (!plan.ok) return badInput(plan.problems);

  const showProgress = !json && process.stderr.isTTY;
  const result = await runInWorkers(plan.value, workers, new URL('./forecast-worker.mjs', import.meta.url), {
    ...(showProgress ? { onProgress: (done: number, total: number) => void process.stderr.write(`\rSimulating… ${Math.round((100 * done) / total)}%`) } : {}),
  });
  if (showProgress) process.stderr.write('\r\x1b[K');

  if (outDir) {
    const files = forecastCsvFiles(plan.value.model, result, { appVersion: APP_VERSION, modelFileName: modelPath ? basename(modelPath) : 'built-in sample workspace' }, european ? EUROPEAN_CSV_OPTIONS : DEFAULT_CSV_OPTIONS);
    await mkdir(outDir, { recursive: true });
    await Promise.all(Object.entries(files).map(([name, text]) => writeFile(join(outDir, `${name}.csv`), text, { mode: 0o644 })));
  }
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : formatReport(plan.value.model, result));
  if (outDir && !json) process.stdout.write(`Wrote quarters.csv, deals.csv, cac.csv and metadata.csv to ${outDir}\n`);
  return 0;
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
    process.stderr.write(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
