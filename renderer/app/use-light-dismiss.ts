import { useEffect, useEffectEvent, type RefObject } from 'react';

/**
 * Closes a floating panel the way people expect of one: Esc closes it and gives the focus back to the
 * button that opened it (a keyboard user carries on where they were), and a press anywhere outside
 * `inside` (the panel and its button) closes it and leaves the focus to what was pressed.
 */
export function useLightDismiss(open: boolean, close: () => void, inside: readonly RefObject<HTMLElement | null>[], opener: RefObject<HTMLElement | null>) {
  // An effect event: the listeners read the latest close and refs without being added again on every render.
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    close();
    opener.current?.focus();
  });
  const onPointer = useEffectEvent((event: PointerEvent) => {
    const target = event.target;
    if (target instanceof Node && inside.some((ref) => ref.current?.contains(target))) return;
    close();
  });
  useEffect(() => {
    if (!open) return;
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
}
