import { blockWorkerHandler, type FromBlockWorker, type ToBlockWorker } from '../../shared/engine/block-worker.ts';
import type { BlockPort } from '../../shared/engine/parallel-run.ts';
import { hash32 } from '../../shared/engine/random.ts';

export interface FakeWorkers {
  ports: BlockPort[];
  /** Messages each worker received, in order. */
  received: ToBlockWorker[][];
}

/**
 * In-process stand-ins for simulation workers: the real worker-side handler behind each port, with
 * messages structured-cloned both ways (as between threads) and delivered after a small delay that
 * varies from message to message, so workers finish blocks in shuffled order.
 */
export function fakeBlockWorkers(count: number, options: { shuffleSeed?: number; now?: () => number } = {}): FakeWorkers {
  let jitter = options.shuffleSeed ?? 1;
  const delay = () => {
    jitter = hash32(jitter + 1);
    return (jitter >>> 0) % 3;
  };
  const now = options.now ?? (() => performance.now());
  const received: ToBlockWorker[][] = [];
  const ports = Array.from({ length: count }, (_, w): BlockPort => {
    received.push([]);
    const port: BlockPort = {
      onMessage: null,
      onError: null,
      post: (message, transfer = []) => {
        const copy = structuredClone(message, { transfer });
        setTimeout(() => {
          received[w]?.push(copy);
          handle(copy);
        }, delay());
      },
    };
    const handle = blockWorkerHandler((reply: FromBlockWorker, transfer) => {
      const copy = structuredClone(reply, { transfer });
      setTimeout(() => port.onMessage?.(copy), delay());
    }, now);
    return port;
  });
  return { ports, received };
}
