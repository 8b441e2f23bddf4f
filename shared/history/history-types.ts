/** Where a CRM stage leads in the model: a stage id, won, lost, or (empty) not used. */
export const WON = '__won';
export const LOST = '__lost';
export const IGNORE = '';

/** One stage change: the deal entered a model stage, or closed won or lost, on a day. */
export interface StageEvent {
  /** A model stage id, WON or LOST. */
  target: string;
  /** Days since 1970-01-01 (see model/dates.ts). */
  day: number;
}

export interface DealHistory {
  id: string;
  name: string;
  amount: number;
  owner: string | null;
  region: string | null;
  /** The day the deal was created (its created date, or its first event). */
  createdDay: number;
  /** In date order. */
  events: StageEvent[];
  /** Signal id → the deal's value, from the history file's signal columns (today's value in the CRM). */
  signals?: Record<string, string>;
}

/** Closed and open deals with their stage changes, up to `asOfDay`. */
export interface History {
  deals: DealHistory[];
  asOfDay: number;
}
