import type { ForecastResult } from '../../../shared/engine/result-types.ts';
import { composeSlideSvg, layoutSlide, type MeasureText } from './compose-svg.ts';
import type { ExportSize } from './export-size.ts';
import type { Figure } from '../figure.ts';
import { CHART_FONT, embeddedFontCss, fontsReady } from './fonts.ts';
import { PRINT_PALETTE } from '../palette.ts';
import { svgToPng } from './raster.ts';
import { renderChartSvg } from './render-offscreen.tsx';
import { whole } from '../../../shared/format/numbers.ts';
import { friendlyDate } from '../../../shared/format/dates.ts';

export type Background = 'white' | 'transparent';

/** The small print every exported chart carries, so a slide never passes for actuals. */
export function exportFootnote(result: ForecastResult, workspaceName: string): string {
  const { meta } = result;
  return `Forecast, not actuals · ${workspaceName} · pipeline as of ${friendlyDate(meta.asOf)} · ${whole(meta.trials)} Monte Carlo trials · seed ${meta.seed}`;
}

let measureContext: CanvasRenderingContext2D | null = null;
const measureText: MeasureText = (text, fontSize, weight) => {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * fontSize * 0.55;
  measureContext.font = `${weight} ${fontSize}px ${CHART_FONT}`;
  return measureContext.measureText(text).width;
};

/** The figure as a standalone SVG document at the export size. */
export async function figureSvg(figure: Figure, size: ExportSize, background: Background, footnote: string): Promise<string> {
  await fontsReady();
  const text = { title: figure.title, subtitle: figure.subtitle, legend: figure.legend, footnote };
  const layout = layoutSlide(text, size.layoutWidth, size.layoutHeight, measureText);
  const [chartSvg, fontFaceCss] = await Promise.all([
    renderChartSvg(figure, PRINT_PALETTE, { width: layout.chart.width, height: layout.chart.height }, { x: layout.chart.x, y: layout.chart.y }),
    embeddedFontCss(),
  ]);
  return composeSlideSvg({ text, layout, width: size.layoutWidth, height: size.layoutHeight, chartSvg, palette: PRINT_PALETTE, background, fontFaceCss });
}

/** The figure as a PNG image at the export size and pixel density. */
export async function figurePng(figure: Figure, size: ExportSize, background: Background, footnote: string): Promise<Blob> {
  return svgToPng(await figureSvg(figure, size, background, footnote), size);
}
