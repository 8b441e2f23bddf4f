/** One option per stage, its id as the value and its name as the text: the choices of every stage picker. */
export function StageOptions({ stages }: { stages: readonly { id: string; name: string }[] }) {
  return (
    <>
      {stages.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </>
  );
}

/** One option per column of an opened file, by its position: a file may repeat a header. */
export function ColumnOptions({ headers }: { headers: readonly string[] }) {
  return (
    <>
      {headers.map((h, i) => (
        <option key={`${h}-${i}`} value={i}>
          {h}
        </option>
      ))}
    </>
  );
}
