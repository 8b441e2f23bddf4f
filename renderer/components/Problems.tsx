import { useAppStore } from '../state/store.ts';

/** Why the model cannot run right now; the last good forecast stays visible, marked out of date. */
export function Problems() {
  const problems = useAppStore((s) => s.problems);
  if (problems.length === 0) return null;
  return (
    <section className="problems" role="alert" aria-label="Model problems">
      <h2>The model has problems, so the forecast below is out of date</h2>
      <ul>
        {problems.map((p) => (
          <li key={`${p.path}:${p.message}`}>
            <code>{p.path}</code> {p.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
