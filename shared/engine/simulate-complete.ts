import { createAccumulator, type Accumulator } from './accumulator.ts';
import type { PreparedModel } from './prepared.ts';
import { simulateBlock } from './simulate-block.ts';

/**
 * Every block of a run in the calling thread, in order: tests, the CLI's small runs and analyses
 * without a pool. Bit-identical to the same blocks spread over workers.
 */
export function simulateComplete(p: PreparedModel): Accumulator {
  const acc = createAccumulator(p);
  for (let b = 0; b < p.blockCount; b++) simulateBlock(p, b, acc);
  return acc;
}
