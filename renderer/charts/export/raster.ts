import { pixelHeight, pixelWidth, type ExportSize } from './export-size.ts';

/** Draws an SVG document onto a canvas at the export's pixel size and encodes it as PNG. */
export async function svgToPng(svg: string, size: ExportSize): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = pixelWidth(size);
    canvas.height = pixelHeight(size);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('The browser could not make a drawing surface of this size');
    // The SVG is vector: drawn at the target size it is rasterized sharp, not scaled up.
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the image as PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
