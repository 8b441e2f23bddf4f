import inter400 from '@fontsource/inter/files/inter-latin-400-normal.woff2?url';
import inter600 from '@fontsource/inter/files/inter-latin-600-normal.woff2?url';

/** The font the app and its exported charts use, bundled with the app (never fetched from the web). */
export const CHART_FONT = 'Inter';

function base64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

async function fontFace(url: string, weight: number): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The chart font could not be loaded (${response.status})`);
  const data = base64(new Uint8Array(await response.arrayBuffer()));
  return `@font-face{font-family:'${CHART_FONT}';font-style:normal;font-weight:${weight};src:url(data:font/woff2;base64,${data}) format('woff2')}`;
}

let embedded: Promise<string> | null = null;

/**
 * @font-face rules with the font inlined as data, so an exported SVG or PNG looks the same on a
 * machine that does not have the font. Loaded once, on the first export.
 */
export function embeddedFontCss(): Promise<string> {
  embedded ??= Promise.all([fontFace(inter400, 400), fontFace(inter600, 600)]).then((rules) => rules.join('\n'));
  embedded.catch(() => {
    embedded = null;
  });
  return embedded;
}

/** Makes sure the page has the font before anything is measured or drawn with it. */
export async function fontsReady(): Promise<void> {
  await Promise.all([document.fonts.load(`400 12px ${CHART_FONT}`), document.fonts.load(`600 12px ${CHART_FONT}`)]);
}
