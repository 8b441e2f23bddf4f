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
}

export interface FunnelStage {
  /** A stage id, or "won". */
  stage: string;
  name: string;
  /** Expected number of deals that are in or reach this stage. */
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
