import { blockWorkerHandler, type FromBlockWorker } from '../../shared/engine/block-worker.ts';
import type { BlockPort } from '../../shared/engine/parallel-run.ts';

/**
 * Simulation workers for one coordinator (the live forecast's worker, or an analysis worker):
 * hardware concurrency minus one, so the UI thread keeps a core, and at least one.
 */
export function blockPoolSize(hardwareConcurrency: number | undefined): number {
  return Math.max(1, (hardwareConcurrency ?? 1) - 1);
}

/**
 * Work kept queued at each simulation worker: small models' blocks take a millisecond or two, and on
 * a busy machine waiting for the coordinator to answer each one took longer than simulating it. A
 * superseded run wastes at most this much beyond the block in hand.
 */
export const QUEUED_WORK_MS = 20;

/**
 * Starts the pool's workers. A pool of one is the calling worker itself (on a 2-core machine: no
 * second thread to start, and no message hop per block); larger pools are nested dedicated workers.
 */
export function startBlockWorkers(count: number): BlockPort[] {
  if (count <= 1) return [inThisWorker()];
  return Array.from({ length: count }, () => {
    const worker = new Worker(new URL('./block.worker.ts', import.meta.url), { type: 'module' });
    const port: BlockPort = { post: (message, transfer = []) => worker.postMessage(message, transfer), onMessage: null, onError: null };
    worker.onmessage = (event: MessageEvent<FromBlockWorker>) => port.onMessage?.(event.data);
    worker.onerror = (event) => port.onError?.(new Error(event.message || 'a simulation worker stopped'));
    return port;
  });
}

/**
 * The block worker's handler run in this thread. Each message is its own task, posted through a
 * MessageChannel (never a timer, which Chromium clamps to 4 ms), so a new run's message is handled
 * between blocks.
 */
function inThisWorker(): BlockPort {
  const channel = new MessageChannel();
  const tasks: (() => void)[] = [];
  channel.port1.onmessage = () => tasks.shift()?.();
  const later = (task: () => void) => {
    tasks.push(task);
    channel.port2.postMessage(null);
  };
  const port: BlockPort = { post: (message) => later(() => handle(message)), onMessage: null, onError: null };
  const handle = blockWorkerHandler((reply) => later(() => port.onMessage?.(reply)), () => performance.now());
  return port;
}
