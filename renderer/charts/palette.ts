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
}

export const SCREEN_PALETTE: Palette = {
  accent: 'var(--accent)',
  band: 'var(--band)',
  bandStrong: 'var(--band-strong)',
  target: 'var(--target)',
  lost: 'var(--lost)',
  grid: 'var(--grid)',
  text: 'var(--text)',
  muted: 'var(--muted)',
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
};
