import { join, normalize, relative, sep } from 'node:path';

/**
 * Every security decision of the shell, in one place. The app is served from its own privileged
 * scheme (never a dev server or remote content); windows are isolated and sandboxed; navigation,
 * new windows and permission requests are refused.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'forecast';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    webviewTag: false,
    spellcheck: false,
  } as const;
}

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The file inside the built app that an app:// URL names, or null for anything outside it. */
export function resolveAppFile(url: string, distFolder: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const file = normalize(join(distFolder, pathname === '/' ? 'index.html' : pathname));
  const inside = relative(distFolder, file);
  return inside && !inside.startsWith('..') && !inside.startsWith(sep) && !inside.includes(`..${sep}`) ? file : null;
}

/** Only the main frame of the app's own window, showing the app's own page, may call the main process. */
export function isTrustedSender(frame: { url: string } | null | undefined, mainFrame: unknown): boolean {
  return !!frame && frame === mainFrame && isAppUrl(frame.url);
}

/**
 * The one permission the app uses: writing a chart image to the clipboard ("Copy image"), and only
 * for the app's own pages. Everything else (camera, notifications, reading the clipboard…) is refused.
 */
export function isAllowedPermission(permission: string, requestingUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
}

/** What the shell needs of a web contents to harden it (Electron's WebContents has it; tests pass a fake). */
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: { preventDefault(): void }, url?: string) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Refuses, for one web contents, everything that would take the window somewhere else: in-window
 * navigation and redirects (for every URL, the app's own included: the app is one page, and anything
 * that navigates it is a bug or an attack that would drop unsaved state), new windows
 * (window.open, target="_blank") and <webview> tags. main.ts calls this for every contents created.
 */
export function hardenContents(contents: HardenableContents): void {
  const refuse = (event: { preventDefault(): void }) => event.preventDefault();
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', refuse);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
