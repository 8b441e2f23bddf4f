import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { ChartSize, Figure } from '../figure.ts';
import type { Palette } from '../palette.ts';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Draws a figure's chart alone, off-screen, at exactly the requested size and without animation, and
 * returns its SVG markup placed at (x, y) for nesting in the exported image.
 */
export async function renderChartSvg(figure: Figure, palette: Palette, size: ChartSize, at: { x: number; y: number }): Promise<string> {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = `position:fixed;left:-20000px;top:0;width:${size.width}px;height:${size.height}px;pointer-events:none;`;
  document.body.append(host);
  const root = createRoot(host);
  try {
    flushSync(() => root.render(figure.draw(palette, size)));
    // Recharts lays out axes and labels over a few frames; wait until the drawing stops changing.
    let previous = '';
    for (let frame = 0; frame < 60; frame++) {
      await nextFrame();
      const current = host.querySelector('svg.recharts-surface')?.innerHTML ?? '';
      if (current && current === previous) break;
      previous = current;
    }
    const svg = host.querySelector('svg.recharts-surface');
    if (!svg) throw new Error('The chart could not be drawn for export');
    const copy = svg.cloneNode(true) as SVGSVGElement;
    // On screen the chart is sized by CSS; nested in the image it needs its own position and size.
    copy.removeAttribute('style');
    copy.removeAttribute('class');
    copy.removeAttribute('tabindex');
    copy.removeAttribute('role');
    copy.setAttribute('x', String(at.x));
    copy.setAttribute('y', String(at.y));
    copy.setAttribute('width', String(size.width));
    copy.setAttribute('height', String(size.height));
    copy.setAttribute('overflow', 'visible');
    return new XMLSerializer().serializeToString(copy);
  } finally {
    root.unmount();
    host.remove();
  }
}
