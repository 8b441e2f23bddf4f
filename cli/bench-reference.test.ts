import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareForecast, runForecast } from '../shared/engine/run.ts';
import { SAMPLE_WORKSPACE } from '../shared/sample/sample-workspace.ts';
import { benchmarkPipeline } from './bench-pipeline.ts';
import { buildReferenceLoop, referenceUnsupported } from './bench-reference.ts';

const source = new URL('../bench/reference-loop.c', import.meta.url).pathname;
const hasGcc = spawnSync('gcc', ['--version']).status === 0;

function planOf(model: unknown, trials: number) {
  const plan = prepareForecast(model, { trials, seed: 1 });
  if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
  return plan.value;
}

describe('the benchmark model and the C reference loop', () => {
  it('keeps bench/pipeline-1000.json equal to the generated benchmark pipeline', () => {
    expect(JSON.parse(readFileSync(new URL('../bench/pipeline-1000.json', import.meta.url), 'utf8'))).toEqual(benchmarkPipeline(1000));
  });

  it('says which models the C loop does not cover', () => {
    expect(referenceUnsupported(planOf(benchmarkPipeline(10), 250).prepared)).toBeNull();
    expect(referenceUnsupported(planOf(SAMPLE_WORKSPACE, 250).prepared)).toMatch(/new pipeline|uncertain conversion/);
  });

  it.skipIf(!hasGcc)('computes what the engine computes on the benchmark model (same draws, exact quantiles)', () => {
    const trials = 2_000;
    const plan = planOf(benchmarkPipeline(200), trials);
    const loop = buildReferenceLoop(source, plan.prepared);
    if (typeof loop === 'string') throw new Error(loop);
    try {
      const c = loop.run(trials);
      const engine = runEngine(plan);
      // Wins depend only on the conversion draws, which are the same numbers: exactly equal.
      expect(c.wins).toBeCloseTo(engine.wins, 3);
      // Durations differ only by the engine's quantile tables (within 1e-4 of exact).
      expect(Math.abs(c.firstQuarterMean / engine.firstQuarterMean - 1)).toBeLessThan(1e-3);
      expect(Math.abs(c.cost / engine.cost - 1)).toBeLessThan(1e-3);
      // It collects the same figures as the engine, so the two do the same work: spend per quarter and lost cost too.
      expect(Math.abs(c.firstQuarterSpend / engine.firstQuarterSpend - 1)).toBeLessThan(1e-3);
      expect(Math.abs(c.lostCost / engine.lostCost - 1)).toBeLessThan(1e-3);
    } finally {
      loop.cleanup();
    }
  });
});

/** The engine's figures that the C loop also prints. */
function runEngine(plan: ReturnType<typeof planOf>) {
  const result = runForecast(plan.model, { trials: plan.prepared.trials, seed: plan.prepared.seed });
  if (!result.ok) throw new Error('invalid');
  const { cac, quarters } = result.value;
  const lostCost = Object.values(cac.lostCostByStage).reduce((sum, cost) => sum + cost, 0);
  return { wins: cac.expectedWins, firstQuarterMean: quarters[0]?.mean ?? 0, cost: cac.totalCost, firstQuarterSpend: quarters[0]?.spend ?? 0, lostCost };
}
