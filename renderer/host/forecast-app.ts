import type { ForecastAppApi } from '../../shared/ipc/contract.ts';
import { createBrowserHost } from './browser-host.ts';
import { domFiles } from './dom-files.ts';

declare global {
  interface Window {
    /** Provided by the Electron preload; absent in a plain browser. */
    forecastApp?: ForecastAppApi;
    /** Saves what is pending; the desktop app's close handler calls it and waits before closing the window. */
    __flushPendingSave?: () => Promise<void>;
  }
}

/** The one interface the UI talks to: Electron's preload, or the browser host over IndexedDB. */
export async function connectForecastApp(): Promise<ForecastAppApi> {
  return window.forecastApp ?? createBrowserHost(indexedDB, domFiles);
}
