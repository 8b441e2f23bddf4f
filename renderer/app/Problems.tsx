import { useAppShallow } from '../state/store.ts';
import { describeProblem } from './problem-text.ts';

/**
 * Why the model cannot run right now, in plain sentences; a click opens the field. The workspace is
 * saved with its problems; only the forecast waits (the last good one stays, marked out of date).
 */
export function Problems() {
  const { problems, document, hasResult, requestField } = useAppShallow((s) => ({ problems: s.problems, document: s.document, hasResult: s.result !== null, requestField: s.requestField }));
  if (problems.length === 0 || !document) return null;
  return (
    <section className="problems" role="alert" aria-label="Model problems">
      <h2>{hasResult ? 'The model has problems, so the forecast below is out of date' : 'The model has problems, so the forecast cannot run yet'}</h2>
      <p className="field-hint">Your changes are saved as they are. Fix these and the forecast runs again.</p>
      <ul>
        {problems.map((p) => {
          const { text, field } = describeProblem(document, p);
          return (
            <li key={`${p.path}:${p.message}`}>
              {field ? (
                <button type="button" className="link-button" onClick={() => requestField(field)}>
                  {text}
                </button>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
