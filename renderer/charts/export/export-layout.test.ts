import { describe, expect, it } from 'vitest';
import { composeSlideSvg, layoutSlide, wrapText } from './compose-svg.ts';
import { pixelHeight, pixelWidth, resolveExportSize } from './export-size.ts';
import { PRINT_PALETTE } from '../palette.ts';

const measure = (text: string, fontSize: number) => text.length * fontSize * 0.5;

describe('chart export sizes', () => {
  it('turns a slide at 2× into a 960 × 540 layout and an on-screen size into a multiple', () => {
    // Slides keep one layout (one type scale) and honour the density: 1× is 1920 × 1080, 2× 3840 × 2160.
    expect(resolveExportSize({ kind: 'slide' }, 1)).toEqual({ ok: true, size: { layoutWidth: 960, layoutHeight: 540, density: 2 } });
    const slide2x = resolveExportSize({ kind: 'slide' }, 2);
    expect(slide2x.ok && [pixelWidth(slide2x.size), pixelHeight(slide2x.size)]).toEqual([3840, 2160]);
    expect(resolveExportSize({ kind: 'screen', width: 700, height: 430 }, 3)).toEqual({ ok: true, size: { layoutWidth: 700, layoutHeight: 430, density: 3 } });
  });

  it('refuses sizes a browser canvas cannot draw, and sizes too small to read, with the reason', () => {
    const huge = resolveExportSize({ kind: 'custom', width: 40_000, height: 1080 }, 2);
    expect(huge.ok ? '' : huge.message).toMatch(/40,000 × 1,080 pixel image is larger than a browser can draw/);
    const area = resolveExportSize({ kind: 'custom', width: 16_384, height: 16_384 }, 1);
    expect(area.ok).toBe(true);
    const tiny = resolveExportSize({ kind: 'custom', width: 600, height: 400 }, 2);
    expect(tiny.ok ? '' : tiny.message).toMatch(/at least 960 × 540 pixels/);
    expect(resolveExportSize({ kind: 'custom', width: Number.NaN, height: 1080 }, 2).ok).toBe(false);
  });
});

describe('slide layout and composition', () => {
  it('wraps long subtitles to two lines with an ellipsis', () => {
    const lines = wrapText('one two three four five six seven eight nine ten', 60, (t) => t.length * 5, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    for (const line of lines) expect(line.length * 5).toBeLessThanOrEqual(60);
  });

  it('places title, legend, chart and footnote top to bottom inside the image', () => {
    const legend = [
      { label: 'P10–P90 range', color: 'band', mark: 'band' },
      { label: 'Target', color: 'target', mark: 'dashed' },
    ] as const;
    const layout = layoutSlide({ title: 'Bookings', subtitle: 'Median $3.8M', legend, footnote: 'Forecast, not actuals' }, 960, 540, measure);
    const lastLegend = layout.legendItems.at(-1)?.y ?? 0;
    expect(layout.titleY).toBeLessThan(layout.subtitleLines[0]?.y ?? 0);
    expect(lastLegend).toBeLessThan(layout.chart.y);
    expect(layout.chart.y + layout.chart.height).toBeLessThan(layout.footnoteY);
    expect(layout.footnoteY).toBeLessThan(540);
    expect(layout.chart.width).toBe(960 - 2 * layout.padding);
  });

  it('writes a standalone SVG with escaped text, literal colours and the background chosen', () => {
    const text = { title: 'Deals <A&B>', subtitle: '', legend: [{ label: 'Won', color: 'accent', mark: 'bar' }] as const, footnote: 'Forecast, not actuals' };
    const layout = layoutSlide(text, 960, 540, measure);
    const svg = composeSlideSvg({ text, layout, width: 960, height: 540, chartSvg: '<svg x="1"/>', palette: PRINT_PALETTE, background: 'transparent', fontFaceCss: '' });
    expect(svg).toContain('Deals &lt;A&amp;B&gt;');
    expect(svg).toContain(`fill="${PRINT_PALETTE.accent}"`);
    expect(svg).not.toContain('fill="#ffffff"');
    expect(svg).not.toContain('var(--');
  });
});
