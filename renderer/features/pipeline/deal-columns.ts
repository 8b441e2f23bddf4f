import type { SignalKey } from './signal-columns.tsx';

export type CrmKey = 'account' | 'createdOn' | 'crmCloseDate' | 'crmProbability' | 'crmForecastCategory';
export type SortKey = 'name' | 'amount' | 'stage' | 'days' | 'since' | 'owner' | 'sponsorRole' | 'pWin' | 'close' | CrmKey;

export interface Column {
  key: SortKey | SignalKey;
  label: string;
  numeric?: boolean;
  /** The grid track, and its narrowest width in pixels (for the table's minimum width). */
  track: string;
  min: number;
}

export const COLUMNS: Column[] = [
  { key: 'name', label: 'Deal', track: 'minmax(160px, 1.6fr)', min: 160 },
  { key: 'amount', label: 'Amount', numeric: true, track: '110px', min: 110 },
  { key: 'stage', label: 'Stage', track: '176px', min: 176 },
  { key: 'days', label: 'Days in stage', numeric: true, track: '64px', min: 64 },
  { key: 'since', label: 'In stage since', track: '128px', min: 128 },
  { key: 'owner', label: 'Owner', track: 'minmax(110px, 1fr)', min: 110 },
  { key: 'sponsorRole', label: 'Executive sponsor', track: 'minmax(110px, 1fr)', min: 110 },
  { key: 'pWin', label: 'Chance to win', numeric: true, track: '84px', min: 84 },
  { key: 'close', label: 'Close if won (median)', track: '104px', min: 104 },
];
/** Fields kept from the CRM export, shown on demand (they feed comparisons with the CRM's own forecast). */
export const CRM_COLUMNS: (Column & { key: CrmKey })[] = [
  { key: 'account', label: 'Account', track: 'minmax(140px, 1fr)', min: 140 },
  { key: 'createdOn', label: 'Created', track: '100px', min: 100 },
  { key: 'crmCloseDate', label: 'CRM close date', track: '110px', min: 110 },
  { key: 'crmProbability', label: 'CRM probability', numeric: true, track: '96px', min: 96 },
  { key: 'crmForecastCategory', label: 'CRM forecast category', track: '130px', min: 130 },
];
export const CHECK_TRACK = 40;
export const GAP = 8;
export const ROW_HEIGHT = 44;
