import { blockWorkerHandler, type ToBlockWorker } from '../../shared/engine/block-worker.ts';

/** One of the pool's simulation workers: simulates the blocks it is handed (shared/engine/block-worker.ts). */
const handle = blockWorkerHandler((message, transfer) => self.postMessage(message, transfer), () => performance.now());
self.onmessage = (event: MessageEvent<ToBlockWorker>) => handle(event.data);
