import type { Accumulator } from '../shared/engine/accumulator.ts';
import type { PreparedModel } from '../shared/engine/prepared.ts';

/** Messages between the CLI's main thread and its simulation workers. */
export type ToWorker = { type: 'init'; prepared: PreparedModel } | { type: 'block'; block: number } | { type: 'finish' };
export type FromWorker = { type: 'ready' } | { type: 'blockDone'; block: number } | { type: 'result'; accumulator: Accumulator };
