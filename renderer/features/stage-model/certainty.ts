/**
 * Plain words for how sure a conversion rate is: with a rate p based on about n deals, the true rate
 * lies within the 10th–90th percentiles of Beta(p·n, (1−p)·n), approximated by p ± 1.28 sd.
 */
export function certaintyHint(rate: number, sampleSize: number | undefined): string {
  if (sampleSize === undefined) return 'Treated as exactly known';
  const sd = Math.sqrt((rate * (1 - rate)) / (sampleSize + 1));
  const low = Math.max(0, rate - 1.2816 * sd);
  const high = Math.min(1, rate + 1.2816 * sd);
  return `Likely between ${Math.round(low * 100)}% and ${Math.round(high * 100)}%`;
}
