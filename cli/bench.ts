import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareForecast } from '../shared/engine/run.ts';
import { formatProblems } from '../shared/result.ts';
import { sensitivity, SENSITIVITY_TRIALS } from '../shared/analysis/sensitivity.ts';
import { validateModel } from '../shared/model/validate.ts';

import { benchmarkPipeline } from './bench-pipeline.ts';
import { WorkerPool } from './worker-pool.ts';

/**
 * `npm run bench [-- MODEL.json]`: deal-trials per second with one worker and with all cores, and,
 * where a C compiler and the plain C reference loop are present, the ratio to it, all in one run
 * (the machine may be shared and noisy, so ratios from one run are what to compare).
 */
const TRIALS = 10_000;
const ROUNDS = 5;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const referenceDir = process.env.BENCH_REFERENCE_DIR ?? resolve(root, '..', 'shared', 'bench');

async function main(): Promise<number> {
  const modelPath = process.argv[2];
  const input: unknown = modelPath ? JSON.parse(readFileSync(modelPath, 'utf8')) : benchmarkPipeline(1000);
  const plan = prepareForecast(input, { trials: TRIALS, seed: 1 });
  if (!plan.ok) {
    process.stderr.write(`${formatProblems(plan.problems)}\n`);
    return 2;
  }
  const deals = plan.value.prepared.dealCount;
  const cores = availableParallelism();
  const workerUrl = new URL('./forecast-worker.mjs', import.meta.url);
  const reference = prepareReference(input);
  process.stdout.write(`Benchmark: ${deals} deals × ${TRIALS} trials, best of ${ROUNDS} rounds (${cores} cores)\n`);

  // Pools stay up across rounds, as the app's worker does; one untimed run warms each up.
  const single = new WorkerPool(1, workerUrl);
  const everyCore = new WorkerPool(cores, workerUrl);
  await single.run(plan.value);
  await everyCore.run(plan.value);
  const best = { one: Infinity, all: Infinity, c: Infinity };
  let firstQuarterMean = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // Interleaved, so a noisy neighbour slows every contender alike.
    const one = await single.run(plan.value);
    best.one = Math.min(best.one, one.meta.computeMs);
    firstQuarterMean = one.quarters[0]?.mean ?? 0;
    const all = await everyCore.run(plan.value);
    best.all = Math.min(best.all, all.meta.computeMs);
    if (reference) best.c = Math.min(best.c, reference.run());
  }
  await Promise.all([single.close(), everyCore.close()]);
  const rate = (ms: number) => `${((deals * TRIALS) / (ms / 1000) / 1e6).toFixed(1)}M deal-trials/s`;
  process.stdout.write(`engine, 1 worker:      ${best.one} ms  ${rate(best.one)}\n`);
  process.stdout.write(`engine, ${cores} workers:     ${best.all} ms  ${rate(best.all)}  (${(best.one / best.all).toFixed(2)}x faster than 1 worker)\n`);
  if (reference) {
    process.stdout.write(`C reference loop:      ${best.c} ms  ${rate(best.c)}\n`);
    process.stdout.write(`engine (1 worker) / C: ${(best.one / best.c).toFixed(2)}x the C time\n`);
    process.stdout.write(`check, first quarter mean: engine ${Math.round(firstQuarterMean)}, C ${reference.firstQuarterMean}\n`);
    reference.cleanup();
  } else {
    process.stdout.write('C reference loop: skipped (needs gcc and the reference sources; set BENCH_REFERENCE_DIR)\n');
  }
  if (!modelPath) await benchSensitivity();
  return 0;
}

/** The app's tornado on a 300-deal pipeline, as it runs there: one thread, every run in sequence. */
async function benchSensitivity(): Promise<void> {
  const model = validateModel(benchmarkPipeline(300));
  if (!model.ok) return;
  const started = performance.now();
  let runs = 0;
  const tornado = await sensitivity(model.value, { quarter: 0, metric: 'p50', step: 0.1 }, { trials: SENSITIVITY_TRIALS, seed: 1 }, (done) => (runs = done));
  const ms = Math.round(performance.now() - started);
  if (tornado.ok) process.stdout.write(`sensitivity (tornado), 300 deals: ${runs} runs × ${SENSITIVITY_TRIALS} trials in ${ms} ms, one thread\n`);
}

interface Reference {
  run: () => number;
  firstQuarterMean: number;
  cleanup: () => void;
}

/** Builds the C reference loop on the same model, when a compiler and its sources are present. */
function prepareReference(model: unknown): Reference | null {
  const source = join(referenceDir, 'reference-mc.c');
  const converter = join(referenceDir, 'reference-input.mjs');
  if (!existsSync(source) || !existsSync(converter) || spawnSync('gcc', ['--version']).status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'forecast-bench-'));
  const binary = join(dir, 'reference-mc');
  execFileSync('gcc', ['-O3', '-march=native', '-o', binary, source, '-lm']);
  const modelFile = join(dir, 'model.json');
  writeFileSync(modelFile, JSON.stringify(model));
  const inputFile = join(dir, 'model.txt');
  writeFileSync(inputFile, execFileSync(process.execPath, [converter, modelFile]));
  const reference: Reference = {
    firstQuarterMean: 0,
    run: () => {
      const out = execFileSync(binary, [inputFile, String(TRIALS), '1']).toString();
      const match = /^([\d.]+)s q0mean=(\d+)/.exec(out);
      if (!match) throw new Error(`unexpected reference output: ${out}`);
      reference.firstQuarterMean = Number(match[2]);
      return Math.round(Number(match[1]) * 1000);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  return reference;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
