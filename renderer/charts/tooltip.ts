import type { Palette } from './palette.ts';

/** A value Recharts hands a tooltip: one number, or a [low, high] range for bands and range bars. */
type TooltipValue = unknown;

/**
 * What every chart's tooltip shares: values through the app's formatter, a range as "low – high", and
 * text in the text colour (Recharts colours each line like its series, which for a pale band is unreadable).
 * Spread it into a Recharts `<Tooltip>`.
 */
export function figureTooltip(palette: Palette, show: (value: number) => string, header?: (label: number | string) => string) {
  return {
    formatter: (value: TooltipValue, name: unknown): [string, string] => [
      Array.isArray(value) ? `${show(Number(value[0]))} – ${show(Number(value[1]))}` : show(Number(value)),
      String(name ?? ''),
    ],
    ...(header ? { labelFormatter: (label: unknown) => header(typeof label === 'number' ? label : String(label)) } : {}),
    itemStyle: { color: palette.text },
    labelStyle: { color: palette.text, fontWeight: 600 },
  };
}
