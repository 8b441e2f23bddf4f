/**
 * Chart colours. On screen they follow the theme through CSS variables; an exported image is a
 * standalone file where CSS variables mean nothing, so it gets the light theme's literal colours.
 */
export interface Palette {
  accent: string;
  band: string;
  bandStrong: string;
  target: string;
  lost: string;
  grid: string;
  text: string;
  muted: string;
  /** Colours of compared scenarios, in order. */
  series0: string;
  series1: string;
  series2: string;
  series3: string;
}

/** Scenario colours read on light and dark backgrounds alike, so screen and export share them. */
const SERIES = { series0: '#1f5fbf', series1: '#0f8a7e', series2: '#8b5cf6', series3: '#d97706' } as const;

export const SCREEN_PALETTE: Palette = {
  accent: 'var(--accent)',
  band: 'var(--band)',
  bandStrong: 'var(--band-strong)',
  target: 'var(--target)',
  lost: 'var(--lost)',
  grid: 'var(--grid)',
  text: 'var(--text)',
  muted: 'var(--muted)',
  ...SERIES,
};

/** The light theme of styles.css, spelled out. */
export const PRINT_PALETTE: Palette = {
  accent: '#1f5fbf',
  band: 'rgba(31, 95, 191, 0.16)',
  bandStrong: 'rgba(31, 95, 191, 0.32)',
  target: '#c2410c',
  lost: '#b8c2cf',
  grid: '#e6e9ee',
  text: '#1c2430',
  muted: '#5b6675',
  ...SERIES,
};
