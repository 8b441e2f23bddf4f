import type { CSSProperties } from 'react';
import type { SignalKey } from './signal-columns.tsx';

export type CrmKey = 'account' | 'createdOn' | 'crmCloseDate' | 'crmProbability' | 'crmForecastCategory';
export type SortKey = 'name' | 'amount' | 'stage' | 'days' | 'since' | 'owner' | 'sponsorRole' | 'pWin' | 'close' | CrmKey;

/** The deal's name: its narrowest, which it is whenever the table is wide enough to scroll sideways. */
const NAME_MIN = 160;

export interface Column {
  key: SortKey | SignalKey;
  label: string;
  numeric?: boolean;
  /** The grid track, and its narrowest width in pixels (for the table's minimum width). */
  track: string;
  min: number;
}

// Sized so the default columns fit a 1280-pixel window beside a classic scrollbar, and the Stage picker
// shows the longest of the usual stage names ("Security and compliance review") whole; the deal's name
// takes most of what is left (the people's names and roles are short).
export const COLUMNS: Column[] = [
  { key: 'name', label: 'Deal', track: `minmax(${NAME_MIN}px, 1.6fr)`, min: NAME_MIN },
  { key: 'amount', label: 'Amount', numeric: true, track: '88px', min: 88 },
  { key: 'stage', label: 'Stage', track: '232px', min: 232 },
  { key: 'days', label: 'Days in stage', numeric: true, track: '56px', min: 56 },
  { key: 'since', label: 'In stage since', track: '112px', min: 112 },
  { key: 'owner', label: 'Owner', track: 'minmax(96px, 0.7fr)', min: 96 },
  { key: 'sponsorRole', label: 'Executive sponsor', track: 'minmax(110px, 0.7fr)', min: 110 },
  { key: 'pWin', label: 'Chance to win', numeric: true, track: '68px', min: 68 },
  { key: 'close', label: 'Close if won (median)', track: '92px', min: 92 },
];
/** Fields kept from the CRM export, shown on demand (they feed comparisons with the CRM's own forecast). */
export const CRM_COLUMNS: (Column & { key: CrmKey })[] = [
  { key: 'account', label: 'Account', track: 'minmax(140px, 1fr)', min: 140 },
  { key: 'createdOn', label: 'Created', track: '100px', min: 100 },
  { key: 'crmCloseDate', label: 'CRM close date', track: '110px', min: 110 },
  { key: 'crmProbability', label: 'CRM probability', numeric: true, track: '96px', min: 96 },
  { key: 'crmForecastCategory', label: 'CRM forecast category', track: '130px', min: 130 },
];
export const CHECK_TRACK = 32;
export const GAP = 8;
/** Space at each end of a row. */
export const ROW_PADDING = 10;
/** A row's height, the header's too (the rows start this far down the scrolled area, under the header). */
export const ROW_HEIGHT = 44;

/**
 * The grid of the header and every row: the tracks, the gaps, and the narrowest the table gets before
 * it scrolls sideways (one scroll area for header and rows, so they never drift apart).
 */
export function gridLayout(columns: readonly Column[]): CSSProperties & { minWidth: number } {
  return {
    gridTemplateColumns: `${CHECK_TRACK}px ${columns.map((c) => c.track).join(' ')}`,
    columnGap: GAP,
    paddingInline: ROW_PADDING,
    minWidth: 2 * ROW_PADDING + CHECK_TRACK + columns.reduce((w, c) => w + GAP + c.min, 0),
  };
}

/**
 * The check box and the deal's name stay in place when the table scrolls sideways, so a row never
 * loses which deal it is. Each covers the gap beside it (and the check box the row's padding), so
 * the cells that scroll under them never show through.
 */
export const PINNED: Record<'check' | 'name', CSSProperties> = {
  check: { left: 0, marginLeft: -ROW_PADDING, paddingLeft: ROW_PADDING, marginRight: -GAP, paddingRight: GAP },
  name: { left: ROW_PADDING + CHECK_TRACK + GAP, marginRight: -GAP, paddingRight: GAP },
};

/**
 * How much of the scrolled area the pinned columns and the header cover. The browser keeps a cell it
 * brings into view (Tab, Shift+Tab) clear of them. The table scrolls sideways only when it is at its
 * narrowest, so the deal's column is then at its minimum.
 */
export const PINNED_SCROLL_PADDING: CSSProperties = { scrollPaddingLeft: ROW_PADDING + CHECK_TRACK + GAP + NAME_MIN + GAP, scrollPaddingTop: ROW_HEIGHT };
