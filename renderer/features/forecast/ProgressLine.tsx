import type { Progress } from '../../state/analysis-store.ts';

/** An analysis in flight: a progress bar, what is counted, and a way to stop it. */
export function ProgressLine({ label, unit, progress, onCancel }: { label: string; unit: string; progress: Progress; onCancel?: () => void }) {
  return (
    <p className="progress" aria-live="polite">
      <progress aria-label={label} max={progress.total} value={progress.done} /> {progress.done} of {progress.total} {unit}…{' '}
      {onCancel ? (
        <button type="button" className="small" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </p>
  );
}

/** Problems of an analysis or an input, in plain words, announced. */
export function ProblemAlert({ text }: { text: string }) {
  return (
    <p className="field-error" role="alert">
      {text}
    </p>
  );
}
