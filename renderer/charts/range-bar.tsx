/** What Recharts hands a Bar's custom shape: the bar's box and its data row. */
export interface BarShapeProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  fill?: string;
  payload?: Record<string, unknown>;
}

interface RangeBarProps extends BarShapeProps {
  /** Keys of the row's [P10, P90] range and its P50. */
  range: string;
  median: string;
  medianStroke: string;
  /** Scenario bars are outlined and tinted with their own colour; others are filled as given. */
  tinted?: boolean;
}

/**
 * A floating P10–P90 bar with a line across it at the P50. Recharts places the bar by its range, so
 * the P50's height is found by interpolating within the bar (the value axis is linear).
 */
export function RangeBar({ x = 0, y = 0, width = 0, height = 0, fill, payload, range, median, medianStroke, tinted = false }: RangeBarProps) {
  const [low, high] = (payload?.[range] as [number, number] | undefined) ?? [0, 0];
  const p50 = Number(payload?.[median] ?? low);
  const medianY = high > low ? y + (height * (high - p50)) / (high - low) : y;
  return (
    <g>
      <rect x={x} y={y} width={width} height={Math.max(height, 1)} fill={fill} rx={2} {...(tinted ? { fillOpacity: 0.28, stroke: fill, strokeWidth: 1 } : {})} />
      <line x1={tinted ? x - 2 : x} x2={tinted ? x + width + 2 : x + width} y1={medianY} y2={medianY} stroke={medianStroke} strokeWidth={tinted ? 3 : 2} />
    </g>
  );
}
