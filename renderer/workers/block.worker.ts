/// <reference lib="webworker" />
import { blockWorkerHandler, type ToBlockWorker } from '../../shared/engine/block-worker.ts';

/** One of the pool's simulation workers: simulates the blocks it is handed (shared/engine/block-worker.ts). */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = blockWorkerHandler((message, transfer) => scope.postMessage(message, transfer), () => performance.now());
scope.onmessage = (event: MessageEvent<ToBlockWorker>) => handle(event.data);
