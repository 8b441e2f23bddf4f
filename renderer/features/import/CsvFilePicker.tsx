import { useId } from 'react';
import { readCsvTable, type CsvTable } from '../../../shared/import/read-table.ts';
import { ProblemAlert } from '../forecast/ProgressLine.tsx';
import { decodeCsvBytes, type DecodedText } from './decode-bytes.ts';

/** Reads a picked CSV file in whatever encoding a CRM wrote it; throws with the reason. */
export async function readCsvFile(picked: File): Promise<{ decoded: DecodedText; table: CsvTable }> {
  const decoded = decodeCsvBytes(new Uint8Array(await picked.arrayBuffer()));
  const table = readCsvTable(decoded.text);
  if (table.headers.length === 0) throw new Error('the file is empty');
  return { decoded, table };
}

/** The file input of a CSV import, with the message when the file cannot be read. */
export function CsvFilePicker({ label, error, onFile }: { label: string; error: string | null; onFile: (file: File) => void }) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} type="file" accept=".csv,.txt,text/csv" onChange={(e) => e.target.files?.[0] && onFile(e.target.files[0])} />
      </div>
      {error ? <ProblemAlert text={error} /> : null}
    </>
  );
}
