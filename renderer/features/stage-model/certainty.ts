import { Z90 } from '../../../shared/engine/lognormal.ts';

/**
 * Plain words for how sure a conversion rate is: with a rate p based on about n deals, the true rate
 * lies within the 10th–90th percentiles of Beta(p·n, (1−p)·n), approximated by p ± z₉₀ sd (z₉₀ ≈ 1.28, the normal's 90th percentile).
 */
export function certaintyHint(rate: number, sampleSize: number | undefined): string {
  if (sampleSize === undefined) return 'Treated as exactly known';
  const sd = Math.sqrt((rate * (1 - rate)) / (sampleSize + 1));
  const low = Math.max(0, rate - Z90 * sd);
  const high = Math.min(1, rate + Z90 * sd);
  return `Likely between ${Math.round(low * 100)}% and ${Math.round(high * 100)}%`;
}
