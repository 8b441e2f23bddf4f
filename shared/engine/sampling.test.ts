import { describe, expect, it } from 'vitest';
import { logNormalFromMedianP90, logNormalQuantile, logNormalUpperQuantile } from './lognormal.ts';
import { normalQuantile, normalUpperQuantile } from './normal.ts';
import { fillQuantileTable, TABLE_STRIDE, tableQuantile, tableUpperQuantile, tailZ } from './quantile-table.ts';
import { hash32, uniformAt } from './random.ts';

describe('quantile tables', () => {
  const shapes = [logNormalFromMedianP90(45, 110), logNormalFromMedianP90(5, 200), logNormalFromMedianP90(30, 33)];

  it('stay within 1e-4 relative of the exact quantile for usual shapes, 5e-4 for extreme ones', () => {
    const bounds = [1e-4, 5e-4, 1e-4]; // P90/median = 2.4, 40 (extreme), 1.1
    for (const [index, d] of shapes.entries()) {
      const table = new Float32Array(TABLE_STRIDE);
      fillQuantileTable(table, 0, d);
      let worst = 0;
      for (let i = 1; i < 200_000; i++) {
        const u = i / 200_000;
        const exact = logNormalQuantile(d, u);
        worst = Math.max(worst, Math.abs(tableQuantile(table, 0, d.mu, d.sigma, u) / exact - 1));
      }
      expect(worst).toBeLessThan(bounds[index] ?? 0);
    }
  });

  it('give an unbiased mean (well below Monte Carlo noise)', () => {
    const d = shapes[0] ?? logNormalFromMedianP90(1, 2);
    const table = new Float32Array(TABLE_STRIDE);
    fillQuantileTable(table, 0, d);
    let tableSum = 0;
    let exactSum = 0;
    const n = 400_000;
    for (let i = 0; i < n; i++) {
      const u = (i + 0.5) / n;
      tableSum += tableQuantile(table, 0, d.mu, d.sigma, u);
      exactSum += logNormalQuantile(d, u);
    }
    expect(Math.abs(tableSum / exactSum - 1)).toBeLessThan(1e-6);
  });

  it('reach far into the upper tail without losing precision', () => {
    for (const s of [1e-3, 1e-8, 1e-20, 1e-100, 1e-299]) {
      expect(Math.abs(tailZ(s) / normalUpperQuantile(s) - 1)).toBeLessThan(1e-6);
    }
    const d = shapes[0] ?? logNormalFromMedianP90(1, 2);
    const table = new Float32Array(TABLE_STRIDE);
    fillQuantileTable(table, 0, d);
    for (const s of [0.5, 0.1, 1e-3, 1e-12]) {
      expect(Math.abs(tableUpperQuantile(table, 0, d.mu, d.sigma, s) / logNormalUpperQuantile(d, s) - 1)).toBeLessThan(1e-4);
    }
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
  });
});

describe('counter-based uniforms', () => {
  it('are uniform on (0, 1) and uncorrelated between neighbouring draws', () => {
    const n = 200_000;
    const buckets = new Array<number>(20).fill(0);
    let sum = 0;
    let lagProduct = 0;
    let previous = uniformAt(hash32(1), 0);
    for (let i = 1; i <= n; i++) {
      const u = uniformAt(hash32(i >>> 3), i & 7);
      if (!(u > 0 && u < 1)) throw new Error(`draw ${i} is ${u}, outside (0, 1)`);
      buckets[Math.floor(u * 20)]! += 1;
      sum += u;
      lagProduct += (u - 0.5) * (previous - 0.5);
      previous = u;
    }
    const chiSquare = buckets.reduce((x, count) => x + (count - n / 20) ** 2 / (n / 20), 0);
    expect(chiSquare).toBeLessThan(43.8); // 19 degrees of freedom, p = 0.001
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(lagProduct / n)).toBeLessThan(5 * (1 / 12) / Math.sqrt(n));
  });
});
