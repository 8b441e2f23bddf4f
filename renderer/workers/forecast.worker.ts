/// <reference lib="webworker" />
import { blockPoolSize, startBlockWorkers } from './block-pool.ts';
import { ForecastCoordinator } from './forecast-coordinator.ts';
import type { FromForecastWorker, ToForecastWorker } from './worker-messages.ts';

/**
 * The live forecast, off the main thread: this worker validates, plans, merges and summarizes; its
 * pool of simulation workers runs the blocks. It never waits on a timer: it reacts to messages only.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const coordinator = new ForecastCoordinator(
  startBlockWorkers(blockPoolSize(navigator.hardwareConcurrency)),
  (message: FromForecastWorker) => scope.postMessage(message),
  () => performance.now(),
);
scope.onmessage = (event: MessageEvent<ToForecastWorker>) => coordinator.handle(event.data);
