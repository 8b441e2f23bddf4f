/**
 * The sizes an exported chart can have, and the limits of what a browser canvas can draw (Chromium:
 * at most 16,384 pixels a side and 268 million pixels in all; larger canvases silently come out blank).
 */
export const MAX_CANVAS_SIDE = 16_384;
export const MAX_CANVAS_AREA = 268_435_456;
/** Below this the title, legend and axis labels no longer fit. */
export const MIN_LAYOUT = { width: 480, height: 270 };
/** A 16:9 slide at 1× density, in image pixels. */
export const SLIDE = { width: 1920, height: 1080 };
/**
 * Slides are laid out at half their 1× pixel size, so the title, legend and labels keep the type scale
 * that reads on a projected slide at every density (1× gives 1920 × 1080 pixels, 2× 3840 × 2160).
 */
const SLIDE_LAYOUT_SCALE = 2;

/** The pixel size of a slide export at a density. */
export const slidePixels = (density: number) => ({ width: SLIDE.width * density, height: SLIDE.height * density });

export type SizeChoice = { kind: 'slide' } | { kind: 'screen'; width: number; height: number } | { kind: 'custom'; width: number; height: number };

export interface ExportSize {
  /** The layout size in CSS pixels: where text and lines are placed. */
  layoutWidth: number;
  layoutHeight: number;
  /** Image pixels per CSS pixel. */
  density: number;
}

export const pixelWidth = (size: ExportSize) => Math.round(size.layoutWidth * size.density);
export const pixelHeight = (size: ExportSize) => Math.round(size.layoutHeight * size.density);

/**
 * Turns the user's choice into a size, or says in plain words why it cannot be drawn. The custom size
 * is in image pixels (what a slide tool shows); the slide size and the on-screen size are multiplied
 * by the density.
 */
export function resolveExportSize(choice: SizeChoice, density: number): { ok: true; size: ExportSize } | { ok: false; message: string } {
  if (!Number.isFinite(density) || density < 1 || density > 4) return { ok: false, message: 'Pixel density must be between 1× and 4×.' };
  const size =
    choice.kind === 'screen'
      ? { layoutWidth: Math.round(choice.width), layoutHeight: Math.round(choice.height), density }
      : choice.kind === 'slide'
        ? { layoutWidth: SLIDE.width / SLIDE_LAYOUT_SCALE, layoutHeight: SLIDE.height / SLIDE_LAYOUT_SCALE, density: density * SLIDE_LAYOUT_SCALE }
        : { layoutWidth: choice.width / density, layoutHeight: choice.height / density, density };
  const width = pixelWidth(size);
  const height = pixelHeight(size);
  if (!Number.isFinite(width) || !Number.isFinite(height) || width <= 0 || height <= 0) return { ok: false, message: 'Width and height must be positive numbers of pixels.' };
  if (width > MAX_CANVAS_SIDE || height > MAX_CANVAS_SIDE || width * height > MAX_CANVAS_AREA) {
    return { ok: false, message: `A ${width.toLocaleString('en-US')} × ${height.toLocaleString('en-US')} pixel image is larger than a browser can draw (at most ${MAX_CANVAS_SIDE.toLocaleString('en-US')} pixels a side). Choose a smaller size or density.` };
  }
  if (size.layoutWidth < MIN_LAYOUT.width || size.layoutHeight < MIN_LAYOUT.height) {
    return { ok: false, message: `At ${density}× a chart needs at least ${MIN_LAYOUT.width * density} × ${MIN_LAYOUT.height * density} pixels for its title, legend and labels to fit.` };
  }
  return { ok: true, size };
}
