import { mergeAccumulator, type Accumulator } from './accumulator.ts';
import { accumulatorBuffers, type FromBlockWorker, type ToBlockWorker } from './block-worker.ts';
import type { PreparedModel } from './prepared.ts';

/** One simulation worker as the coordinator sees it, whatever the host (Web Worker, worker thread, test fake). */
export interface BlockPort {
  post(message: ToBlockWorker, transfer?: ArrayBuffer[]): void;
  /** Set by the run that currently uses the port. */
  onMessage: ((message: FromBlockWorker) => void) | null;
  onError: ((error: Error) => void) | null;
}

export interface ParallelRunOptions {
  runId: number;
  /** A millisecond clock. */
  now: () => number;
  /** Partial results: the first as soon as a block is in, then at most every this many ms. null: none. */
  refineMs: number | null;
  /**
   * About this many ms of work is kept queued at each worker, judged by how long its last block took
   * (default 0: one block at a time). Short blocks then never wait for a busy coordinator to answer,
   * while a superseded run still wastes no more than this after the block in hand.
   */
  queuedWorkMs?: number;
  onPartial?: (acc: Accumulator, blocksMerged: number) => void;
  /** Blocks simulated so far (for a progress bar), whether or not their data has come in yet. */
  onBlockDone?: (blocksDone: number, blockCount: number) => void;
}

export interface ParallelRun {
  /** The merged accumulator of every block; null when cancelled. */
  done: Promise<Accumulator | null>;
  /** Stops handing out blocks at once and ignores whatever the workers still send for this run. */
  cancel(): void;
}

/**
 * Spreads a run's blocks over workers: one block at a time to whichever worker is free (a busy core
 * does not hold the run back), deltas merged as they arrive. Integer counts add up in any order and
 * each block's own figures (bookings rows, cost sums) are copied into place, so the result is
 * bit-identical to one worker simulating every block in order, however blocks were spread.
 */
export function runInParallel(ports: readonly BlockPort[], prepared: PreparedModel, options: ParallelRunOptions): ParallelRun {
  const { runId, now, refineMs } = options;
  const queuedWorkMs = options.queuedWorkMs ?? 0;
  const MAX_QUEUED_BLOCKS = 8;
  const blockCount = prepared.blockCount;
  const used = ports.slice(0, Math.max(1, Math.min(ports.length, blockCount)));
  // The first delta to come in becomes the merged accumulator: a worker hands its accumulator over
  // and starts a new one, so nothing else holds it. Copying it into a fresh one instead cost a
  // 5,000-deal pipeline's first result tens of ms (its close-day histograms alone are 16 MB).
  let merged: Accumulator | null = null;
  let nextBlock = 0;
  let blocksDone = 0;
  let blocksMerged = 0;
  let lastPartialAt = -Infinity;
  let settled = false;
  /** Per worker: blocks simulated whose data has not come in yet, and blocks handed out not yet simulated. */
  const unreported = used.map(() => 0);
  const queued = used.map(() => 0);
  /** Per worker: when its last block finished (or the run started), and how long that block took. */
  const lastDoneAt = used.map(() => now());
  const blockMs = used.map(() => Infinity);
  const handOut = (port: BlockPort, w: number) => {
    queued[w] = (queued[w] as number) + 1;
    port.post({ type: 'block', runId, block: nextBlock++ });
  };

  let finish: (acc: Accumulator | null) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const done = new Promise<Accumulator | null>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const detach = () => {
    settled = true;
    for (const port of used) {
      port.onMessage = null;
      port.onError = null;
    }
  };

  const mergeDelta = (delta: Accumulator | null, from: BlockPort) => {
    if (!delta) return;
    let blocks = 0;
    for (const flag of delta.blockDone) blocks += flag;
    if (merged === null) merged = delta;
    else {
      mergeAccumulator(merged, delta, prepared);
      // Merged, the delta goes back to its worker to be cleared and reused instead of allocated anew.
      from.post({ type: 'recycle', accumulator: delta }, accumulatorBuffers(delta));
    }
    blocksMerged += blocks;
    if (blocksMerged === blockCount) {
      detach();
      finish(merged);
    } else if (refineMs !== null && options.onPartial && now() - lastPartialAt >= refineMs) {
      lastPartialAt = now();
      options.onPartial(merged, blocksMerged);
    }
  };

  used.forEach((port, w) => {
    port.onMessage = (message) => {
      if (settled || message.runId !== runId) return;
      try {
        if (message.type === 'blockDone') {
          blocksDone++;
          queued[w] = (queued[w] as number) - 1;
          const at = now();
          blockMs[w] = at - (lastDoneAt[w] as number);
          lastDoneAt[w] = at;
          unreported[w] = message.delta ? 0 : (unreported[w] as number) + 1;
          options.onBlockDone?.(blocksDone, blockCount);
          // Near the end, one block at a time, so no worker is left with two while another idles.
          const wanted = Math.min(MAX_QUEUED_BLOCKS, Math.max(1, Math.ceil(queuedWorkMs / Math.max(blockMs[w] as number, 0.01))));
          const depth = blockCount - nextBlock > used.length * wanted ? wanted : 1;
          while (nextBlock < blockCount && (queued[w] as number) < depth) handOut(port, w);
          if (nextBlock >= blockCount && queued[w] === 0 && (unreported[w] as number) > 0) port.post({ type: 'flush', runId });
        } else unreported[w] = 0;
        mergeDelta(message.delta, port);
      } catch (error) {
        detach();
        fail(error instanceof Error ? error : new Error(String(error)));
      }
    };
    port.onError = (error) => {
      if (settled) return;
      detach();
      fail(error);
    };
  });
  // The model goes to each worker by structured clone: typed arrays of the deals and stages, small next to a run.
  const deltaEveryMs = refineMs === null ? null : refineMs / 2;
  for (const port of used) port.post({ type: 'prepare', runId, prepared, deltaEveryMs });
  used.forEach((port, w) => {
    if (nextBlock < blockCount) handOut(port, w);
  });

  return {
    done,
    cancel: () => {
      if (settled) return;
      detach();
      finish(null);
    },
  };
}
