import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

/**
 * Whether the page is being printed, so the one-page summary exists only then (on screen its texts
 * would double every number for find-in-page and tests). Printing is: the print media (the browser's
 * print dialog, Ctrl/Cmd+P, an emulated print), the moments between beforeprint and afterprint, and a
 * print the app starts itself (Export PDF on the desktop), which waits for the summary to be drawn.
 */
const listeners = new Set<() => void>();
let betweenPrintEvents = false;
let requested = 0;

const printMedia = () => (typeof window === 'undefined' ? null : window.matchMedia('print'));
const notify = () => {
  for (const listener of listeners) listener();
};
// Before the browser lays out the printed page: draw the summary now, not in a later frame.
const onBeforePrint = () => {
  betweenPrintEvents = true;
  flushSync(notify);
};
const onAfterPrint = () => {
  betweenPrintEvents = false;
  notify();
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    printMedia()?.addEventListener('change', notify);
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    printMedia()?.removeEventListener('change', notify);
    window.removeEventListener('beforeprint', onBeforePrint);
    window.removeEventListener('afterprint', onAfterPrint);
  };
}

const isPrinting = () => betweenPrintEvents || requested > 0 || (printMedia()?.matches ?? false);

export const usePrinting = (): boolean => useSyncExternalStore(subscribe, isPrinting, () => false);

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Runs a print the app starts itself with the summary drawn for its whole duration. */
export async function whilePrinting<T>(print: () => Promise<T>): Promise<T> {
  requested++;
  flushSync(notify);
  await nextFrame();
  try {
    return await print();
  } finally {
    requested--;
    notify();
  }
}
