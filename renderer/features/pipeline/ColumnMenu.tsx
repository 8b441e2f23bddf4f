import { useId, useRef, type FocusEvent, type ReactNode } from 'react';
import { useLightDismiss } from '../../app/use-light-dismiss.ts';

/**
 * A button above the deals table that shows a small panel of choices (which columns show, a filter).
 * The table owns which panel is open, so opening one closes the other. It closes on Esc (the focus goes
 * back to its button), on a press outside it, and when the keyboard focus moves on past it, so a panel
 * never stays over the table the user went back to.
 */
export function ColumnMenu({ label, legend, title, open, onOpenChange, className, children }: { label: string; legend: string; title?: string | undefined; open: boolean; onOpenChange: (open: boolean) => void; className?: string; children: ReactNode }) {
  const panelId = useId();
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useLightDismiss(open, () => onOpenChange(false), [menu], button);
  const onFocusLeaving = (event: FocusEvent<HTMLDivElement>) => {
    // No next element (the window lost the focus, or a press on nothing focusable, which the outside press handles): stay.
    const next = event.relatedTarget;
    if (open && next instanceof Node && !event.currentTarget.contains(next)) onOpenChange(false);
  };
  return (
    <div ref={menu} className={`column-picker${className ? ` ${className}` : ''}`} onBlur={onFocusLeaving}>
      <button ref={button} type="button" aria-expanded={open} aria-controls={open ? panelId : undefined} title={title} onClick={() => onOpenChange(!open)}>
        {label}
      </button>
      {open ? (
        <fieldset id={panelId}>
          <legend className="visually-hidden">{legend}</legend>
          {children}
        </fieldset>
      ) : null}
    </div>
  );
}
