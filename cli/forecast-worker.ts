import { parentPort } from 'node:worker_threads';
import { blockWorkerHandler, type ToBlockWorker } from '../shared/engine/block-worker.ts';

/** A simulation worker thread: simulates the blocks it is handed (see shared/engine/block-worker.ts). */
const port = parentPort;
if (!port) throw new Error('forecast-worker must run as a worker thread');
const handle = blockWorkerHandler((message, transfer) => port.postMessage(message, transfer), () => performance.now());
port.on('message', (message: ToBlockWorker) => handle(message));
