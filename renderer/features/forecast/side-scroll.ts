import { useState, useSyncExternalStore, type RefObject } from 'react';

/** Which items of a sideways-scrolling list are in view, 0-based `first` to `last` inclusive, of `count`. */
export interface SideScroll {
  first: number;
  last: number;
  count: number;
  /** Scrolls by one view's width: −1 to earlier items, +1 to later ones. */
  page(direction: -1 | 1): void;
}

/**
 * Tracks a horizontally scrolling list whose children are equal-width items, so the view can say
 * which items show and offer buttons to the others: a scrollbar alone is easy to miss (and some
 * systems draw none until the pointer is over it). The list's scroll position and size are an
 * outside store to React, read when it scrolls or resizes.
 */
export function useSideScroll(list: RefObject<HTMLElement | null>, count: number): SideScroll {
  // Made once, so React keeps one subscription instead of renewing the observers on every render.
  const [subscribe] = useState(() => (changed: () => void) => {
    const element = list.current;
    if (!element) return () => undefined;
    const resize = new ResizeObserver(changed);
    resize.observe(element);
    element.addEventListener('scroll', changed, { passive: true });
    return () => {
      resize.disconnect();
      element.removeEventListener('scroll', changed);
    };
  });
  // One number, so React can compare snapshots: first × 1000 + last (a horizon has at most 12 quarters).
  const snapshot = useSyncExternalStore(subscribe, () => visibleRange(list.current, count), () => count - 1);
  const first = Math.floor(snapshot / 1000);
  return {
    first,
    last: snapshot % 1000,
    count,
    page: (direction) => list.current?.scrollBy({ left: direction * list.current.clientWidth, behavior: 'smooth' }),
  };
}

function visibleRange(element: HTMLElement | null, count: number): number {
  const item = element?.firstElementChild;
  if (!element || !(item instanceof HTMLElement) || count === 0) return Math.max(0, count - 1);
  const gap = parseFloat(getComputedStyle(element).columnGap) || 0;
  // Fractional widths (a quarter of the row minus gaps), and a pixel of slack for rounding in the layout.
  const pitch = item.getBoundingClientRect().width + gap;
  if (pitch <= 0) return count - 1;
  const first = Math.min(count - 1, Math.round(element.scrollLeft / pitch));
  const shown = Math.max(1, Math.floor((element.clientWidth + gap + 1) / pitch));
  return first * 1000 + Math.min(count - 1, first + shown - 1);
}
