import type { StateCreator } from 'zustand';
import { AnalysisRunner, startAnalysisWorker, type AnalysisKind, type JobOf, type OutputOf, type StartAnalysisWorker } from '../workers/analysis-runner.ts';
import type { AppState } from './store.ts';

export interface Progress {
  done: number;
  total: number;
}

/** An analysis's last answer with the job it answers: the job's model tells a view whether the answer is out of date. */
export interface Answer<K extends AnalysisKind> {
  job: JobOf<K>;
  output: OutputOf<K>;
}

export interface AnalysisEntry<K extends AnalysisKind> {
  answer: Answer<K> | null;
  /** Set while the analysis runs; null when it is done, cancelled or never started. */
  progress: Progress | null;
}

export type Analyses = { [K in AnalysisKind]: AnalysisEntry<K> };

/** What the caller says of a job; the kind is given apart, as the first argument of `runAnalysis`. */
export type JobRequest<K extends AnalysisKind> = Omit<JobOf<K>, 'kind'>;

const ANALYSIS_KINDS: readonly AnalysisKind[] = ['compare', 'sensitivity', 'pipelineNeeded', 'contributions', 'backtest', 'signalChanges', 'whatChanged'];
const IDLE = { answer: null, progress: null };
const ANALYSIS_NAMES: Record<AnalysisKind, string> = {
  compare: 'The scenario comparison',
  sensitivity: 'The sensitivity analysis',
  pipelineNeeded: 'The search for the pipeline needed',
  contributions: "The deals' contributions",
  backtest: 'The backtest',
  signalChanges: 'The search for the signal changes that matter',
  whatChanged: 'The comparison of snapshots',
};
const initialAnalyses: Analyses = { compare: IDLE, sensitivity: IDLE, pipelineNeeded: IDLE, contributions: IDLE, backtest: IDLE, signalChanges: IDLE, whatChanged: IDLE };

/** The progress bar's length before the worker's first report: scenarios to compare, quarters to replay, else one step. */
function startingTotal(job: JobOf<AnalysisKind>): number {
  if (job.kind === 'compare') return job.ids.length;
  if (job.kind === 'backtest') return job.quarters;
  return 1;
}

/** True when the answer was computed from another version of the model than the one on screen. */
export const isOutOfDate = <K extends AnalysisKind>(entry: AnalysisEntry<K>, model: unknown): boolean => {
  if (entry.answer === null) return false;
  const job: JobOf<AnalysisKind> = entry.answer.job;
  // A comparison of snapshots answers for the model it compared to ("after"); every other analysis for its model.
  return (job.kind === 'whatChanged' ? job.after : job.model) !== model;
};

/**
 * The what-if analyses (comparison, sensitivity, pipeline needed, deal contributions, backtest). Their
 * answers are kept while the app is open, not saved: they are recomputed from the workspace. Each kind
 * runs in its own worker, so a comparison does not cancel a sensitivity run; a new run of a kind
 * supersedes the one in flight (it stops at once and its answer never lands).
 */
export interface AnalysisSlice {
  analyses: Analyses;
  /** Runs an analysis: progress while it runs, then its answer; a superseded or cancelled run changes nothing. */
  runAnalysis<K extends AnalysisKind>(kind: K, job: JobRequest<K>): Promise<void>;
  /** Stops the analysis of this kind in flight; its last answer stays. */
  cancelAnalysis(kind: AnalysisKind): void;
  /** Stops the analysis of this kind and drops its answer (e.g. a backtest of a history no longer in use). */
  forgetAnalysis(kind: AnalysisKind): void;
  /** Uses these workers from now on (tests give scripted ones); stops whatever runs. */
  connectAnalysisWorkers(start: StartAnalysisWorker): void;
  /** Stops every analysis and its worker (the window goes away). */
  disposeAnalyses(): void;
}

export const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set, get) => {
  // The runners hold workers, not state: they live beside the store, one per kind, started on first use.
  let startWorker = startAnalysisWorker;
  let runners: Partial<Record<AnalysisKind, AnalysisRunner>> = {};
  const runnerFor = (kind: AnalysisKind) => (runners[kind] ??= new AnalysisRunner(startWorker));
  const disposeRunners = () => {
    for (const runner of Object.values(runners)) runner.dispose();
    runners = {};
  };
  const patch = <K extends AnalysisKind>(kind: K, change: Partial<AnalysisEntry<K>>) =>
    set((s) => {
      const analyses = { ...s.analyses };
      analyses[kind] = { ...s.analyses[kind], ...change };
      return { analyses };
    });

  return {
    analyses: initialAnalyses,
    runAnalysis: async <K extends AnalysisKind>(kind: K, request: JobRequest<K>) => {
      // Spreading Omit<JobOf<K>, 'kind'> and putting the kind back gives JobOf<K>; TypeScript cannot see it for a generic K.
      const job = { ...request, kind } as JobOf<K>;
      const runner = runnerFor(kind);
      // A new search hides the previous answer, which names a stage and chance the form may no longer show;
      // the other analyses keep theirs on screen until the new one lands.
      patch(kind, { progress: { done: 0, total: startingTotal(job) }, ...(kind === 'pipelineNeeded' ? { answer: null } : {}) });
      let output: OutputOf<K> | null;
      try {
        output = await runner.run(job, (done, total) => patch(kind, { progress: { done, total } }));
      } catch (error) {
        // The worker failed or stopped: the progress ends and the user is told, never left waiting.
        patch(kind, { progress: null });
        get().addNotice('error', `${ANALYSIS_NAMES[kind]} stopped before it finished: ${error instanceof Error ? error.message : String(error)}. Run it again; if it keeps stopping, fewer trials may help.`);
        return;
      }
      // null: superseded (the newer run owns the progress) or cancelled (cancelAnalysis cleared it).
      if (output) patch(kind, { answer: { job, output }, progress: null });
    },
    cancelAnalysis: (kind) => {
      runners[kind]?.cancel();
      patch(kind, { progress: null });
    },
    forgetAnalysis: (kind) => {
      runners[kind]?.cancel();
      patch(kind, IDLE);
    },
    connectAnalysisWorkers: (start) => {
      disposeRunners();
      startWorker = start;
      set({ analyses: initialAnalyses });
    },
    disposeAnalyses: () => {
      disposeRunners();
      for (const kind of ANALYSIS_KINDS) patch(kind, { progress: null });
    },
  };
};
