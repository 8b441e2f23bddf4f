import type { FromBlockWorker } from '../../shared/engine/block-worker.ts';
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

/** Starts the pool's workers (from inside a worker: nested dedicated workers). */
export function startBlockWorkers(count: number): BlockPort[] {
  return Array.from({ length: count }, () => {
    const worker = new Worker(new URL('./block.worker.ts', import.meta.url), { type: 'module' });
    const port: BlockPort = { post: (message, transfer = []) => worker.postMessage(message, transfer), onMessage: null, onError: null };
    worker.onmessage = (event: MessageEvent<FromBlockWorker>) => port.onMessage?.(event.data);
    worker.onerror = (event) => port.onError?.(new Error(event.message || 'a simulation worker stopped'));
    return port;
  });
}
