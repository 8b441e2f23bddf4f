import type { Ref } from 'react';
import type { ImportPreview } from '../../../shared/import/pipeline-import.ts';
import { count } from '../../../shared/format/numbers.ts';

/** Every row the import leaves out, in file order, with its line and the plain reason. */
export function LeftOutRows({ preview, ref }: { preview: ImportPreview; ref: Ref<HTMLDivElement> }) {
  const rows = [...preview.problems, ...preview.skipped].sort((a, b) => a.line - b.line);
  if (rows.length === 0) return null;
  return (
    // A tab stop: the list scrolls on its own once it is long, and the footer's "Show them" brings the focus here.
    <div ref={ref} className="import-problems" role="region" aria-label="Rows left out" tabIndex={0}>
      <h3 className="left-out">{count(rows.length, 'row')} will be left out</h3>
      <ul>
        {rows.map((p) => (
          <li key={`${p.line}-${p.message}`}>
            Line {p.line}: {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
