import type { LegendEntry } from '../figure.ts';
import type { Palette } from '../palette.ts';

/** Measures the width of text in CSS pixels at a font size and weight. */
export type MeasureText = (text: string, fontSize: number, weight: number) => number;

export interface SlideText {
  title: string;
  subtitle: string;
  legend: readonly LegendEntry[];
  footnote: string;
}

export interface SlideLayout {
  padding: number;
  titleY: number;
  subtitleLines: { text: string; y: number }[];
  legendItems: { entry: LegendEntry; x: number; y: number }[];
  chart: { x: number; y: number; width: number; height: number };
  footnoteY: number;
}

export const FONT = { title: 22, subtitle: 14, legend: 13, footnote: 11 } as const;
const LEGEND_MARK = 22;
const LEGEND_GAP = 24;

/** Breaks text into at most `maxLines` lines that fit `width`, with an ellipsis if it had to stop. */
export function wrapText(text: string, width: number, measure: (t: string) => number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1] ?? ''}…`;
  while (measure(last) > width && last.length > 1) last = `${last.slice(0, -2)}…`;
  kept[maxLines - 1] = last;
  return kept;
}

/** Where the title, subtitle, legend, chart and footnote go on an image of the given size. */
export function layoutSlide(text: SlideText, width: number, height: number, measure: MeasureText): SlideLayout {
  const padding = Math.round(Math.max(20, Math.min(40, width * 0.03)));
  const inner = width - 2 * padding;
  let y = padding + FONT.title;
  const titleY = y;
  const subtitleLines = wrapText(text.subtitle, inner, (t) => measure(t, FONT.subtitle, 400), 2).map((line) => {
    y += FONT.subtitle + 8;
    return { text: line, y };
  });
  const legendItems: SlideLayout['legendItems'] = [];
  if (text.legend.length > 0) {
    y += 12 + FONT.legend;
    let x = padding;
    for (const entry of text.legend) {
      const itemWidth = LEGEND_MARK + 8 + measure(entry.label, FONT.legend, 400);
      if (x > padding && x + itemWidth > width - padding) {
        x = padding;
        y += FONT.legend + 10;
      }
      legendItems.push({ entry, x, y });
      x += itemWidth + LEGEND_GAP;
    }
  }
  const chartTop = y + 14;
  const footnoteY = height - padding * 0.6;
  const chartBottom = footnoteY - FONT.footnote - 10;
  return { padding, titleY, subtitleLines, legendItems, chart: { x: padding, y: chartTop, width: inner, height: Math.max(0, chartBottom - chartTop) }, footnoteY };
}

export const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function legendMark(entry: LegendEntry, x: number, y: number, palette: Palette): string {
  const color = palette[entry.color];
  const mid = y - FONT.legend * 0.35;
  if (entry.mark === 'line') return `<line x1="${x}" y1="${mid}" x2="${x + LEGEND_MARK}" y2="${mid}" stroke="${color}" stroke-width="3"/>`;
  if (entry.mark === 'dashed') return `<line x1="${x}" y1="${mid}" x2="${x + LEGEND_MARK}" y2="${mid}" stroke="${color}" stroke-width="2.5" stroke-dasharray="5 3"/>`;
  const h = entry.mark === 'bar' ? 12 : 14;
  return `<rect x="${x}" y="${mid - h / 2}" width="${LEGEND_MARK}" height="${h}" rx="2" fill="${color}"/>`;
}

/** Style rules for the class names the charts use, in the export palette, plus the embedded font. */
export function exportStyles(palette: Palette, fontFaceCss: string): string {
  return [
    fontFaceCss,
    `text{font-family:Inter,'Segoe UI',Arial,sans-serif}`,
    `.axis-label{fill:${palette.muted};font-size:12px}`,
    `.axis-tick{fill:${palette.text};font-size:12px}`,
    `.axis-tick-note{fill:${palette.muted};font-size:11px}`,
    `.recharts-text{fill:${palette.muted}}`,
    `.recharts-cartesian-axis-tick-value{fill:${palette.text};font-size:12px}`,
    `.ref-label{fill:${palette.muted};font-size:11px}`,
    `.ref-label.target{fill:${palette.target};font-weight:600}`,
    `.bar-label{fill:${palette.text};font-size:12px}`,
  ].join('\n');
}

/**
 * The exported image as one SVG document: background, title, subtitle, legend, the chart (an SVG
 * nested at its place) and the footnote. Everything it needs is inside it, fonts included.
 */
export function composeSlideSvg(args: {
  text: SlideText;
  layout: SlideLayout;
  width: number;
  height: number;
  chartSvg: string;
  palette: Palette;
  background: 'white' | 'transparent';
  fontFaceCss: string;
}): string {
  const { text, layout, width, height, palette } = args;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<style>${exportStyles(palette, args.fontFaceCss)}</style>`,
    args.background === 'white' ? `<rect width="100%" height="100%" fill="#ffffff"/>` : '',
    `<text x="${layout.padding}" y="${layout.titleY}" font-size="${FONT.title}" font-weight="600" fill="${palette.text}">${escapeXml(text.title)}</text>`,
    ...layout.subtitleLines.map((l) => `<text x="${layout.padding}" y="${l.y}" font-size="${FONT.subtitle}" fill="${palette.muted}">${escapeXml(l.text)}</text>`),
    `<g class="legend">`,
    ...layout.legendItems.map(
      (item) => `${legendMark(item.entry, item.x, item.y, palette)}<text x="${item.x + LEGEND_MARK + 8}" y="${item.y}" font-size="${FONT.legend}" fill="${palette.text}">${escapeXml(item.entry.label)}</text>`,
    ),
    `</g>`,
    args.chartSvg,
    `<text x="${layout.padding}" y="${layout.footnoteY}" font-size="${FONT.footnote}" fill="${palette.muted}">${escapeXml(text.footnote)}</text>`,
    `</svg>`,
  ];
  return parts.filter(Boolean).join('\n');
}
