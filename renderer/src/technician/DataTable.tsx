/** A plain table of records: the technician screens show data as it is, column by column. */
export function DataTable({ rows, caption }: { rows: ReadonlyArray<Record<string, unknown>>; caption: string }) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are a snapshot with no identity of their own
          <tr key={i}>
            {columns.map((c) => (
              <td key={c}>{format(row[c])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function format(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
