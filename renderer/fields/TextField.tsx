import { useId, useState } from 'react';
import type { ForecastModel } from '../../shared/model/schema.ts';
import { useAppStore } from '../state/store.ts';
import { fieldMessage } from './field-message.ts';
import { problemAt } from './model-field.ts';

/** A text input validated as typed; commits (one undo step) on Enter or when the field is left. */
export function TextField({ label, value, path, apply, hideLabel }: { label: string; value: string; path: string; apply: (model: ForecastModel, value: string) => ForecastModel; hideLabel?: boolean }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const check = (typed: string) => {
    const model = useAppStore.getState().document;
    return model ? problemAt(model, apply(model, typed.trim()), path) : null;
  };
  const message = draft === null ? null : check(draft);
  const commit = () => {
    if (draft === null || check(draft)) return;
    if (draft.trim() !== value) useAppStore.getState().edit((model) => apply(model, draft.trim()));
    setDraft(null);
  };
  return (
    <div className={`field${message ? ' invalid' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        value={draft ?? value}
        aria-invalid={message ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
      {message ? (
        <span className="field-error" role="alert">
          {fieldMessage(label, message)}
        </span>
      ) : null}
    </div>
  );
}
