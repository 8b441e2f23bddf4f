import { accumulatorFits, clearAccumulator, createAccumulator, type Accumulator } from './accumulator.ts';
import type { PreparedModel } from './prepared.ts';
import { simulateBlock } from './simulate-block.ts';

/**
 * The protocol between a run's coordinator and the workers that simulate its blocks. The same in the
 * app's Web Workers and the CLI's worker threads. A worker simulates the blocks it is handed, one
 * message each, into its own accumulator and hands that accumulator over (transferred, not copied)
 * as a delta: with the first block of a run, then at most every `deltaEveryMs` (for progressive
 * results), and when asked to flush. Messages carry the run id, so a worker ignores a flush or a
 * block of a run other than the last one it was given.
 */
export type ToBlockWorker =
  | { type: 'prepare'; runId: number; prepared: PreparedModel; deltaEveryMs: number | null }
  | { type: 'block'; runId: number; block: number }
  | { type: 'flush'; runId: number }
  /** A delta the coordinator has merged, handed back to be cleared and reused (whatever run it was of). */
  | { type: 'recycle'; accumulator: Accumulator };

export type FromBlockWorker =
  | { type: 'blockDone'; runId: number; block: number; delta: Accumulator | null }
  | { type: 'flushed'; runId: number; delta: Accumulator | null };

/** The buffers of an accumulator, to transfer it rather than copy it. */
export function accumulatorBuffers(acc: Accumulator): ArrayBuffer[] {
  return Object.values(acc).map((array: Accumulator[keyof Accumulator]) => array.buffer as ArrayBuffer);
}

/**
 * The worker's side, independent of the host: returns the handler for incoming messages. `send`
 * posts a reply (transferring the given buffers); `now` is a millisecond clock.
 */
export function blockWorkerHandler(send: (message: FromBlockWorker, transfer: ArrayBuffer[]) => void, now: () => number): (message: ToBlockWorker) => void {
  let runId = -1;
  let prepared: PreparedModel | null = null;
  let deltaEveryMs: number | null = null;
  let acc: Accumulator | null = null;
  let sentAny = false;
  let lastDeltaAt = 0;
  /**
   * One cleared accumulator kept for the next one needed. A 5,000-deal pipeline's accumulator is 16 MB,
   * and a new one costs its first block tens of ms in page faults and the thread's garbage collector
   * more: each delta handed over was a new one. Cleared when it comes back, so in idle time.
   */
  let spare: Accumulator | null = null;
  const keepSpare = (accumulator: Accumulator) => {
    clearAccumulator(accumulator);
    spare = accumulator;
  };
  const newAccumulator = (p: PreparedModel): Accumulator => {
    const reused = spare && accumulatorFits(spare, p) ? spare : null;
    spare = null;
    return reused ?? createAccumulator(p);
  };

  const takeDelta = (): Accumulator | null => {
    const delta = acc;
    acc = null;
    lastDeltaAt = now();
    sentAny = true;
    return delta;
  };

  return (message) => {
    if (message.type === 'recycle') {
      keepSpare(message.accumulator);
      return;
    }
    if (message.type === 'prepare') {
      // The superseded run's blocks not yet handed over are dropped; their accumulator is reused.
      if (acc) keepSpare(acc);
      ({ runId, prepared, deltaEveryMs } = message);
      acc = null;
      sentAny = false;
      return;
    }
    if (message.runId !== runId || !prepared) return; // of a superseded run
    if (message.type === 'flush') {
      const delta = takeDelta();
      send({ type: 'flushed', runId, delta }, delta ? accumulatorBuffers(delta) : []);
      return;
    }
    acc ??= newAccumulator(prepared);
    simulateBlock(prepared, message.block, acc);
    const due = deltaEveryMs !== null && (!sentAny || now() - lastDeltaAt >= deltaEveryMs);
    const delta = due ? takeDelta() : null;
    send({ type: 'blockDone', runId, block: message.block, delta }, delta ? accumulatorBuffers(delta) : []);
  };
}
