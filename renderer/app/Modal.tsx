import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** What Tab can reach inside `root`, in order (hidden elements and disabled controls left out). */
export function tabbables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
}

/** The element that opened the dialog on screen, for a dialog that replaces it. */
let openerOfOpenDialog: HTMLElement | null = null;

interface ModalProps {
  labelledBy: string;
  className: string;
  /** Called on Esc (a control inside that uses Esc itself calls preventDefault). */
  onClose(): void;
  busy?: boolean;
  children: ReactNode;
}

/**
 * The WAI-ARIA modal dialog pattern in one place: focus moves into the dialog when it opens (to the
 * element marked `autoFocus`, else the first control), Tab and Shift+Tab wrap around inside it, Esc
 * closes it unless a control inside has already used the key, and focus goes back to what opened it.
 */
export function Modal({ labelledBy, className, onClose, busy, children }: ModalProps) {
  const dialog = useRef<HTMLDivElement>(null);
  // Read while rendering, before an autoFocus inside takes the focus. A dialog opened from another
  // dialog (Workspaces → New workspace) returns focus to what opened the first.
  const [opener] = useState(() => {
    const active = document.activeElement;
    return active instanceof HTMLElement && !active.closest('[role="dialog"]') ? active : openerOfOpenDialog;
  });

  useEffect(() => {
    openerOfOpenDialog = opener;
    const root = dialog.current;
    if (root && !root.contains(document.activeElement)) (tabbables(root)[0] ?? root).focus();
    // Focus that leaves by other means (a click on the backdrop, a control that disappears) is brought back.
    const keepInside = (event: FocusEvent) => {
      if (root && event.target instanceof Node && !root.contains(event.target)) (tabbables(root)[0] ?? root).focus();
    };
    document.addEventListener('focusin', keepInside);
    return () => {
      document.removeEventListener('focusin', keepInside);
      // After the dialog is gone: the opener may be re-rendered in the same commit.
      queueMicrotask(() => {
        if (document.querySelector('[role="dialog"]')) return;
        openerOfOpenDialog = null;
        if (opener?.isConnected) opener.focus();
      });
    };
  }, [opener]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const order = tabbables(dialog.current);
    const first = order[0];
    const last = order[order.length - 1];
    if (!first || !last) return event.preventDefault();
    // From the first control, or from a heading or the dialog itself that took the focus on opening.
    const at = document.activeElement;
    if (event.shiftKey && (at === first || !(at instanceof HTMLElement) || !order.includes(at))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && at === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="modal-backdrop">
      <div ref={dialog} className={`modal ${className}`} role="dialog" aria-modal="true" aria-labelledby={labelledBy} aria-busy={busy} tabIndex={-1} onKeyDown={onKeyDown}>
        {children}
      </div>
    </div>
  );
}
