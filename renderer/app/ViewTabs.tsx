import { useRef, type KeyboardEvent } from 'react';
import { VIEWS, type View } from '../state/ui-slice.ts';

/**
 * The WAI-ARIA tabs pattern: one tab stop for the row (the selected tab), arrow keys move to the
 * previous or next tab and show it (wrapping around), Home and End to the first and last.
 */
export function ViewTabs({ view, onShow }: { view: View; onShow: (view: View) => void }) {
  const list = useRef<HTMLElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const at = VIEWS.findIndex((v) => v.id === view);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: VIEWS.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = VIEWS[(target + VIEWS.length) % VIEWS.length];
    if (!next) return;
    onShow(next.id);
    list.current?.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
  };
  return (
    <nav ref={list} className="tabs" role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
      {VIEWS.map((t) => (
        <button key={t.id} type="button" role="tab" id={`tab-${t.id}`} aria-selected={view === t.id} tabIndex={view === t.id ? 0 : -1} aria-controls="view" onClick={() => onShow(t.id)}>
          {t.label}
        </button>
      ))}
    </nav>
  );
}
