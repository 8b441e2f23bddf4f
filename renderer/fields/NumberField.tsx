import { useId, useState, type KeyboardEvent } from 'react';
import type { ForecastModel } from '../../shared/model/schema.ts';
import { useAppStore } from '../state/store.ts';
import { fieldMessage } from './field-message.ts';
import { parseTypedNumber, problemAt } from './model-field.ts';

interface NumberFieldProps {
  label: string;
  /** Shown when not visually labelled by a column header. */
  hideLabel?: boolean;
  value: number | undefined;
  /** Display scale, e.g. 100 to edit a rate as a percentage. */
  scale?: number;
  /** Where the field lives in the model, for its validation message. */
  path: string;
  /** The model with this field set to `value` (already unscaled); undefined clears an optional field. */
  apply: (model: ForecastModel, value: number | undefined) => ForecastModel;
  optional?: boolean;
  suffix?: string;
  hint?: string;
  /** Bounds in display units, checked first so messages speak the user's units (e.g. percent). */
  displayRange?: { above: number; atMost: number };
  /** Show thousands separators when not being edited (money). */
  grouped?: boolean;
  /** Shown while empty, e.g. the baseline value a scenario field follows. */
  placeholder?: string;
}

const show = (value: number | undefined, scale: number, grouped: boolean) => {
  if (value === undefined) return '';
  const shown = Math.round(value * scale * 1e6) / 1e6;
  return grouped ? shown.toLocaleString('en-US', { maximumFractionDigits: 6 }) : String(shown);
};

/**
 * A number input validated as it is typed: the message appears beside the field, and the model only
 * changes (one undo step) when the user leaves the field or presses Enter with a valid value.
 */
export function NumberField({ label, hideLabel, value, scale = 1, path, apply, optional, suffix, hint, displayRange, grouped = false, placeholder }: NumberFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? show(value, scale, grouped);

  const check = (typed: string): { next: number | undefined; message: string | null } => {
    const model = useAppStore.getState().document;
    if (!model) return { next: undefined, message: null };
    if (typed.trim() === '') return optional ? { next: undefined, message: problemAt(model, apply(model, undefined), path) } : { next: undefined, message: 'is required' };
    const parsed = parseTypedNumber(typed);
    if (parsed === null) return { next: undefined, message: 'must be a number' };
    if (displayRange && (parsed <= displayRange.above || parsed > displayRange.atMost)) {
      return { next: undefined, message: `must be more than ${displayRange.above}${suffix ?? ''} and at most ${displayRange.atMost}${suffix ?? ''}` };
    }
    const next = parsed / scale;
    return { next, message: problemAt(model, apply(model, next), path) };
  };
  const message = draft === null ? null : check(draft).message;

  const commit = () => {
    if (draft === null) return;
    const { next, message: problem } = check(draft);
    if (problem) return;
    const { edit } = useAppStore.getState();
    if (next !== value) edit((model) => apply(model, next));
    setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') setDraft(null);
  };

  return (
    <div className={`field${message ? ' invalid' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <span className="field-input">
        <input
          id={id}
          inputMode="decimal"
          value={text}
          placeholder={placeholder}
          aria-invalid={message ? true : undefined}
          aria-describedby={message || hint ? `${id}-note` : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
        {suffix ? <span className="suffix">{suffix}</span> : null}
      </span>
      {message || hint ? (
        <span id={`${id}-note`} className={message ? 'field-error' : 'field-hint'} role={message ? 'alert' : undefined}>
          {message ? fieldMessage(label, message) : hint}
        </span>
      ) : null}
    </div>
  );
}
