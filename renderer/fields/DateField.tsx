import { useState } from 'react';
import type { ForecastModel } from '../../shared/model/schema.ts';
import { useAppStore } from '../state/store.ts';
import { fieldMessage } from './field-message.ts';
import { problemAt } from './model-field.ts';

/**
 * A day picker for an ISO date of the model. A complete day is checked like every field (the message
 * is the file validation's own) and committed as one undo step; a half-typed date waits.
 */
export function DateField({ label, value, path, apply, min, max }: { label: string; value: string; path: string; apply: (model: ForecastModel, day: string) => ForecastModel; min?: string; max?: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const change = (day: string) => {
    const model = useAppStore.getState().document;
    if (!day || !model || day === value) return;
    const problem = problemAt(model, apply(model, day), path);
    setMessage(problem);
    if (!problem) useAppStore.getState().edit((m) => apply(m, day));
  };
  return (
    <div className={`field${message ? ' invalid' : ''}`}>
      <input type="date" aria-label={label} value={value} min={min} max={max} aria-invalid={message ? true : undefined} onChange={(e) => change(e.target.value)} onBlur={() => setMessage(null)} />
      {message ? (
        <span className="field-error" role="alert">
          {fieldMessage(label, message)}
        </span>
      ) : null}
    </div>
  );
}
