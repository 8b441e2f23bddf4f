import { useEffect, type RefObject } from 'react';

/**
 * Keeps a chart to one tab stop, the element that carries its summary. Recharts makes each drawing
 * surface focusable with a name made of its tick labels run together ("0 1M 2M FY2027 Q4 …"), which
 * a screen reader reads as noise; the surface is taken out of the tab order and the accessibility
 * tree, also when Recharts draws it again (a resize).
 */
export function useChartTabStop(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const quiet = () => {
      for (const surface of root.querySelectorAll('.recharts-wrapper [tabindex], svg.recharts-surface')) {
        if (surface.getAttribute('tabindex') !== '-1') surface.setAttribute('tabindex', '-1');
        if (surface.getAttribute('aria-hidden') !== 'true') surface.setAttribute('aria-hidden', 'true');
      }
    };
    quiet();
    const observer = new MutationObserver(quiet);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['tabindex', 'aria-hidden'] });
    return () => observer.disconnect();
  }, [ref]);
}
