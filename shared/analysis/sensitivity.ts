import type { ForecastModel } from '../model/schema.ts';
import { fail, ok, type Result } from '../result.ts';
import { quarterMetric, type AnalysisProgress, type AnalysisRunOptions } from './simulate.ts';

export type SensitivityMetric = 'p50' | 'pTarget';


export interface TornadoRow {
  label: string;
  /** The metric with this input lowered by the step, and raised by it. */
  low: number;
  high: number;
  swing: number;
  /** Set when a raised conversion had to stop at 100%. */
  note?: string;
}

export interface Sensitivity {
  metric: SensitivityMetric;
  quarter: number;
  step: number;
  base: number;
  rows: TornadoRow[];
}

interface Variation {
  label: string;
  apply(model: ForecastModel, factor: number): ForecastModel;
  note?: (model: ForecastModel, factor: number) => string | undefined;
}

const withStage = (model: ForecastModel, id: string, change: (s: ForecastModel['stages'][number]) => ForecastModel['stages'][number]): ForecastModel => ({
  ...model,
  stages: model.stages.map((s) => (s.id === id ? change(s) : s)),
});

/** The inputs a tornado varies: each stage's conversion and duration, and the new-pipeline rate. */
function variations(model: ForecastModel): Variation[] {
  const list: Variation[] = [];
  for (const stage of model.stages) {
    list.push({
      label: `${stage.name}: conversion`,
      apply: (m, f) => withStage(m, stage.id, (s) => ({ ...s, conversion: Math.min(1, s.conversion * f) })),
      note: (m, f) => (stage.conversion * f > 1 ? `raised conversion stops at 100% (from ${Math.round(stage.conversion * 100)}%)` : undefined),
    });
    list.push({
      label: `${stage.name}: time in stage`,
      apply: (m, f) => withStage(m, stage.id, (s) => ({ ...s, duration: { median: s.duration.median * f, p90: s.duration.p90 * f } })),
    });
  }
  if (model.newPipeline && model.newPipeline.dealsPerMonth > 0) {
    list.push({ label: 'New pipeline: deals per month', apply: (m, f) => (m.newPipeline ? { ...m, newPipeline: { ...m.newPipeline, dealsPerMonth: m.newPipeline.dealsPerMonth * f } } : m) });
  }
  return list;
}

/**
 * One-at-a-time sensitivity: each input lowered and raised by `step` (0.1 = ±10%) with common random
 * numbers, the metric of one quarter measured each time, sorted by swing, largest first.
 */
export async function sensitivity(
  model: ForecastModel,
  settings: { quarter: number; metric: SensitivityMetric; step: number },
  options: AnalysisRunOptions,
  onProgress?: AnalysisProgress,
): Promise<Result<Sensitivity>> {
  const { quarter, metric, step } = settings;
  if (!(step > 0 && step < 1)) return fail([{ path: 'step', message: 'must be between 0% and 100%' }]);
  const measure = (m: ForecastModel): Promise<Result<number>> => quarterMetric(m, quarter, metric, options);
  const list = variations(model);
  const total = 1 + 2 * list.length;
  const base = await measure(model);
  if (!base.ok) return base;
  onProgress?.(1, total);
  const rows: TornadoRow[] = [];
  for (const [i, v] of list.entries()) {
    const low = await measure(v.apply(model, 1 - step));
    onProgress?.(2 + 2 * i, total);
    const high = await measure(v.apply(model, 1 + step));
    onProgress?.(3 + 2 * i, total);
    if (!low.ok) return low;
    if (!high.ok) return high;
    const note = v.note?.(model, 1 + step);
    rows.push({ label: v.label, low: low.value, high: high.value, swing: Math.abs(high.value - low.value), ...(note ? { note } : {}) });
  }
  rows.sort((a, b) => b.swing - a.swing);
  return ok({ metric, quarter, step, base: base.value, rows });
}
