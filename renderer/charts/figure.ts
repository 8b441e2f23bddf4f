import type { ReactElement } from 'react';
import type { Palette } from './palette.ts';

/** One legend entry, drawn the same way on screen and in exported images. */
export interface LegendEntry {
  label: string;
  color: keyof Palette;
  mark: 'band' | 'line' | 'dashed' | 'bar';
}

export interface ChartSize {
  width: number;
  height: number;
}

/**
 * Everything a chart is, apart from where it is drawn: the dashboard card and the image export both
 * draw from this, so an exported chart is the same chart, not a screenshot of it.
 */
export interface Figure {
  /** A short name for exported files, e.g. "bookings-per-quarter". */
  fileName: string;
  /** Says what the chart shows. */
  title: string;
  /** The plain-language reading of it. */
  subtitle: string;
  legend: LegendEntry[];
  /** What a screen reader announces instead of the picture. */
  ariaLabel: string;
  /** Height on the dashboard, in CSS pixels. */
  screenHeight: number;
  /** The Recharts chart; without a size it fills the ResponsiveContainer it is put in. */
  draw(palette: Palette, size?: ChartSize): ReactElement;
}

/**
 * The height of a chart with a row per named category (stages, for example): at least `least`, and a
 * row for each name, taller where a long name wraps to three lines beside the bars.
 */
export function rowsHeight(names: readonly string[], least: number): number {
  return Math.max(least, (names.some((n) => n.length > 40) ? 56 : 40) * names.length + 40);
}
