import type { LegendEntry } from './figure.ts';
import { SCREEN_PALETTE } from './palette.ts';

/** The chart's legend as HTML; exported images draw the same entries into the SVG. */
export function FigureLegend({ entries }: { entries: readonly LegendEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <ul className="figure-legend" aria-label="Legend">
      {entries.map((entry) => (
        <li key={entry.label}>
          <span className={`legend-mark legend-${entry.mark}`} style={{ '--mark': SCREEN_PALETTE[entry.color] } as React.CSSProperties} aria-hidden="true" />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}
