/**
 * Counter-based random numbers. Every draw is addressed by keys (seed, block, trial, deal, draw index)
 * and computed by a strong 32-bit integer hash, so:
 * - results are bit-identical however the trials are split across blocks, workers or chunks;
 * - a deal keeps its own random numbers when other deals or stages change, which gives scenario
 *   comparisons true common random numbers (differences come from the assumptions, not from noise).
 * No global state: callers pass keys explicitly. Nothing here uses the global, unseeded random generator.
 */

export const GOLDEN = 0x9e3779b9 | 0;
const TWO_POW_MINUS_32 = 2 ** -32;
const HALF_PLUS_HALF_STEP = 0.5 + 2 ** -33;

/** A 32-bit integer hash with very low bias (Wellons' "lowbias32" constants). */
export function hash32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x | 0;
}

/** Mixes two keys into one. */
export function combineKeys(a: number, b: number): number {
  return hash32(a ^ hash32((b + GOLDEN) | 0));
}

/** The draw number `index` of the stream `key`, uniform in the open interval (0, 1). */
export function uniformAt(key: number, index: number): number {
  // A signed 32-bit value converts to a double faster than an unsigned one; both map onto the same
  // 2^32 evenly spaced points strictly inside (0, 1).
  return hash32((key + Math.imul(index + 1, GOLDEN)) | 0) * TWO_POW_MINUS_32 + HALF_PLUS_HALF_STEP;
}

/** A stable key for a text id (FNV-1a, then hashed), so a deal's stream follows its id, not its position. */
export function keyOfText(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return hash32(h);
}

/** A sequential generator over one stream, for draws whose number varies (rejection samplers). */
export class Stream {
  private index = 0;
  constructor(private readonly key: number) {}
  next(): number {
    return uniformAt(this.key, this.index++);
  }
}
