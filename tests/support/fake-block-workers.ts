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
 * varies from message to message, so workers finish blocks in shuffled order. Each direction of each
 * port stays first in, first out, as a real message channel is.
 */
export function fakeBlockWorkers(count: number, options: { shuffleSeed?: number; now?: () => number } = {}): FakeWorkers {
  let jitter = options.shuffleSeed ?? 1;
  const delay = () => {
    jitter = hash32(jitter + 1);
    return (jitter >>> 0) % 3;
  };
  /** Delivers messages in the order sent, each after its own delay. */
  const channel = <T>(deliver: (message: T) => void) => {
    const queue: T[] = [];
    return (message: T) => {
      queue.push(message);
      setTimeout(() => deliver(queue.shift() as T), delay());
    };
  };
  const now = options.now ?? (() => performance.now());
  const received: ToBlockWorker[][] = [];
  const ports = Array.from({ length: count }, (_, w): BlockPort => {
    received.push([]);
    const toWorker = channel<ToBlockWorker>((message) => {
      received[w]?.push(message);
      handle(message);
    });
    const port: BlockPort = {
      onMessage: null,
      onError: null,
      post: (message, transfer = []) => toWorker(structuredClone(message, { transfer })),
    };
    const toCoordinator = channel<FromBlockWorker>((message) => port.onMessage?.(message));
    const handle = blockWorkerHandler((reply, transfer) => toCoordinator(structuredClone(reply, { transfer })), now);
    return port;
  });
  return { ports, received };
}
