/// <reference lib="webworker" />
import { createAccumulator } from '../../shared/engine/accumulator.ts';
import { chartData } from '../../shared/engine/chart-data.ts';
import { BLOCK_TRIALS } from '../../shared/engine/constants.ts';
import { prepareForecast } from '../../shared/engine/run.ts';
import { simulateBlock } from '../../shared/engine/simulate-block.ts';
import { summarize } from '../../shared/engine/summarize.ts';
import type { FromForecastWorker, ToForecastWorker } from './worker-messages.ts';

/**
 * Runs forecasts off the main thread. Blocks of trials are simulated one after another; a partial
 * result goes out after the first block and then every REFINE_MS, so charts draw at once and refine.
 * Between blocks the worker yields to its message queue, so a new run cancels the one in flight.
 */
const REFINE_MS = 200;
let currentRun = 0;
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromForecastWorker) => scope.postMessage(message);
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

scope.onmessage = (event: MessageEvent<ToForecastWorker>) => {
  const message = event.data;
  currentRun = message.runId;
  if (message.type === 'run') void run(message.runId, message.model, message.trials, message.seed);
};

async function run(runId: number, model: unknown, trials: number, seed: number): Promise<void> {
  const plan = prepareForecast(model, { trials, seed });
  if (!plan.ok) {
    post({ type: 'invalid', runId, problems: plan.problems });
    return;
  }
  const p = plan.value.prepared;
  const acc = createAccumulator(p);
  const started = performance.now();
  let lastPost = -Infinity;
  for (let block = 0; block < p.blockCount; block++) {
    simulateBlock(p, block, acc);
    const now = performance.now();
    if (block < p.blockCount - 1 && now - lastPost >= REFINE_MS) {
      lastPost = now;
      const trialsDone = Math.min(trials, (block + 1) * BLOCK_TRIALS);
      post({ type: 'progress', runId, result: summarize(plan.value, acc, now - started), charts: chartData(plan.value, acc), trialsDone, trialsTotal: trials });
    }
    await yieldToMessages();
    if (currentRun !== runId) return; // superseded or cancelled
  }
  post({ type: 'done', runId, result: summarize(plan.value, acc, Math.round(performance.now() - started)), charts: chartData(plan.value, acc) });
}
