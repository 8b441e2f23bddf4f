import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { ScenarioRun } from '../../shared/analysis/compare.ts';
import type { Sensitivity } from '../../shared/analysis/sensitivity.ts';
import type { DealContribution, PipelineNeeded } from '../../shared/analysis/target-gap.ts';
import type { Result } from '../../shared/result.ts';

export interface Progress {
  done: number;
  total: number;
}

/**
 * Results of the what-if analyses, kept while the app is open (they are recomputed from the
 * workspace, so they are not saved). Each remembers the document it was computed from, so a view can
 * tell when it is out of date.
 */
export interface AnalysisState {
  comparison: { runs: ScenarioRun[]; document: unknown } | null;
  compareProgress: Progress | null;
  sensitivity: { value: Result<Sensitivity>; document: unknown } | null;
  sensitivityProgress: Progress | null;
  pipelineNeeded: { value: Result<PipelineNeeded>; document: unknown } | null;
  gapProgress: Progress | null;
  contributions: { value: Result<{ pTarget: number; deals: DealContribution[] }>; document: unknown; quarter: number } | null;
  set(patch: Partial<Omit<AnalysisState, 'set'>>): void;
}

export const useAnalysisStore = create<AnalysisState>()((set) => ({
  comparison: null,
  compareProgress: null,
  sensitivity: null,
  sensitivityProgress: null,
  pipelineNeeded: null,
  gapProgress: null,
  contributions: null,
  set: (patch) => set(patch),
}));

/** Select several values at once without re-rendering on every change. */
export const useAnalysisShallow = <T>(selector: (state: AnalysisState) => T): T => useAnalysisStore(useShallow(selector));
