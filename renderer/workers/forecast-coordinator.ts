import { chartData } from '../../shared/engine/chart-data.ts';
import { runInParallel, type BlockPort, type ParallelRun } from '../../shared/engine/parallel-run.ts';
import { prepareForecast } from '../../shared/engine/run.ts';
import { QUEUED_WORK_MS } from './block-pool.ts';
import { summarize } from '../../shared/engine/summarize.ts';
import type { FromForecastWorker, ToForecastWorker } from './worker-messages.ts';

/** Partial results go out at most this often (the first as soon as a block is in). */
export const REFINE_MS = 200;

/**
 * The interval between partial results for a pipeline of this many deals: REFINE_MS up to 1,000
 * deals, then in proportion (5,000 deals: one a second). Each partial merges the workers' per-deal
 * histograms, summarizes every deal and is drawn on screen, all in proportion to the deal count; at
 * a fixed 200 ms that work took more of a 2-core laptop than the simulation and tripled the time to
 * the full result of a 5,000-deal pipeline.
 */
export function refineIntervalMs(dealCount: number): number {
  return REFINE_MS * Math.max(1, dealCount / 1_000);
}

/**
 * The live forecast's side of the pool: validates and plans each run, spreads its blocks over the
 * simulation workers, and posts a first result after the first block, refinements at most every
 * refineIntervalMs and the final result (bit-identical to one worker). A new run supersedes the one in
 * flight at once: no more of its blocks are handed out and nothing more of it is posted.
 */
export class ForecastCoordinator {
  private current: ParallelRun | null = null;

  constructor(
    private readonly ports: readonly BlockPort[],
    private readonly post: (message: FromForecastWorker) => void,
    private readonly now: () => number,
  ) {}

  handle(message: ToForecastWorker): void {
    this.current?.cancel();
    this.current = null;
    if (message.type === 'run') this.start(message.runId, message.model, message.trials, message.seed);
  }

  private start(runId: number, model: unknown, trials: number, seed: number): void {
    const started = this.now();
    const plan = prepareForecast(model, { trials, seed });
    if (!plan.ok) {
      this.post({ type: 'invalid', runId, problems: plan.problems });
      return;
    }
    const run = runInParallel(this.ports, plan.value.prepared, {
      runId,
      now: this.now,
      refineMs: refineIntervalMs(plan.value.prepared.dealCount),
      queuedWorkMs: QUEUED_WORK_MS,
      onPartial: (acc, blocks) => {
        const result = summarize(plan.value, acc, Math.round(this.now() - started));
        const trialsDone = Math.min(trials, blocks * plan.value.prepared.blockTrials);
        this.post({ type: 'progress', runId, result, charts: chartData(plan.value, acc), trialsDone, trialsTotal: trials });
      },
    });
    this.current = run;
    run.done.then(
      (acc) => {
        if (!acc || this.current !== run) return;
        this.current = null;
        this.post({ type: 'done', runId, result: summarize(plan.value, acc, Math.round(this.now() - started)), charts: chartData(plan.value, acc) });
      },
      (error: unknown) => {
        if (this.current !== run) return;
        this.current = null;
        const reason = error instanceof Error ? error.message : String(error);
        this.post({ type: 'invalid', runId, problems: [{ path: 'forecast', message: `the simulation stopped (${reason})` }] });
      },
    );
  }
}
