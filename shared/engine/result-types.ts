/** The forecast result. Its JSON form is the CLI's public `--json` contract (see README). */
export interface QuarterForecast {
  label: string;
  /** ISO days, inclusive. */
  start: string;
  end: string;
  mean: number;
  sd: number;
  /** Standard error of the mean: sd / √trials. */
  se: number;
  p10: number;
  p50: number;
  p90: number;
  /** Expected wins, counting the deals already booked in the quarter. */
  expectedWins: number;
  /** Expected stage cost spent in the quarter, on open and new deals (for the sales budget). */
  spend: number;
  /** Bookings already closed won in the quarter ("booked so far"); included in every figure above. */
  booked: number;
  target: number | null;
  /** P(bookings ≥ target), or null without a target. */
  pTarget: number | null;
}

export interface BeyondHorizonForecast {
  /** Mean bookings that close after the horizon. */
  mean: number;
  expectedWins: number;
  /** Expected stage cost spent after the horizon. */
  spend: number;
}

export interface CloseDateRange {
  p10: string;
  p50: string;
  p90: string;
}

export interface DealForecast {
  id: string;
  name: string;
  stage: string;
  amount: number;
  pWin: number;
  /** P(win in quarter i) for each horizon quarter. */
  pWinByQuarter: number[];
  /** Close date percentiles given a win; null when the deal never won in the run. */
  closeDate: CloseDateRange | null;
}

/**
 * Full-cycle CAC, in closed form from the stages: the expected cost of one deal's whole walk from
 * entering the first stage to a win or a loss, per won deal (see full-cycle-cac.ts).
 */
export interface FullCycleCac {
  /** P(a deal entering the first stage is won): the product of the conversions (their means). */
  winRate: number;
  /** The sum over stages; null when the win rate underflows to 0. */
  costPerWin: number | null;
  costPerWinByStage: Record<string, number | null>;
  /** The part of each stage's cost per win spent on deals that end lost. */
  lostCostPerWinByStage: Record<string, number | null>;
}

/**
 * Remaining spend: the cost of working the current pipeline (and the new pipeline over the horizon)
 * from asOf on, and the remaining cost per expected win; plus the full-cycle CAC.
 */
export interface CacForecast {
  /** Expected wins of all simulated deals (existing and new pipeline), whenever they close. */
  expectedWins: number;
  /** Stage id → expected cost spent in that stage. */
  costByStage: Record<string, number>;
  /** Stage id → expected cost in that stage per won deal; null when no deal wins. */
  costPerWinByStage: Record<string, number | null>;
  costPerWin: number | null;
  /** Stage id → expected cost spent on deals that end lost. */
  lostCostByStage: Record<string, number>;
  totalCost: number;
  fullCycle: FullCycleCac;
}

export interface FunnelStage {
  /** A stage id, or "won". */
  stage: string;
  name: string;
  /** Expected number of deals that reach this stage or start the forecast past it (never rises down the funnel). */
  expectedDeals: number;
}

export interface ForecastMeta {
  trials: number;
  seed: number;
  engineVersion: string;
  computeMs: number;
  asOf: string;
  currency: string;
  /** False for a partial result while a run is still refining. */
  complete: boolean;
}

export interface ForecastResult {
  quarters: QuarterForecast[];
  beyondHorizon: BeyondHorizonForecast;
  deals: DealForecast[];
  cac: CacForecast;
  funnel: FunnelStage[];
  meta: ForecastMeta;
}
