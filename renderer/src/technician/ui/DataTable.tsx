import { type HTMLAttributes, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<R> {
  readonly id: string;
  /** Already in the technician's language. */
  readonly header: string;
  readonly cell: (row: R) => ReactNode;
  /** Makes the column sortable by this value. */
  readonly sortValue?: (row: R) => string | number;
  /** "num" right-aligns figures; "wide" lets long text take the room. */
  readonly className?: string;
}

type Direction = 'ascending' | 'descending';

export interface DataTableProps<R> {
  readonly caption: string;
  /** False where a heading right above already names the table (the caption is then for screen readers only). */
  readonly showCaption?: boolean;
  readonly columns: ReadonlyArray<Column<R>>;
  readonly rows: readonly R[];
  readonly rowKey: (row: R) => string;
  readonly pageSize?: number;
  readonly sort?: { readonly column: string; readonly direction: Direction };
  readonly rowProps?: (row: R) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
  readonly empty?: string;
}

/**
 * A table a person reads: headers in their language, cells as words and
 * local times (the columns decide), sortable where a column says how,
 * paged so a long list never runs off the screen. Narrow screens (a
 * tablet or the kiosk upright) show each row as a card with its labels.
 */
export function DataTable<R>({
  caption,
  showCaption = true,
  columns,
  rows,
  rowKey,
  pageSize = 15,
  sort: initial,
  rowProps,
  empty,
}: DataTableProps<R>) {
  const { t } = useTranslation();
  const [sort, setSort] = useState(initial);
  const [page, setPage] = useState(0);
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.id === sort?.column);
    if (!column?.sortValue || !sort) return rows;
    const value = column.sortValue;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
    });
  }, [rows, columns, sort]);
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const current = Math.min(page, pages - 1);
  const shown = sorted.slice(current * pageSize, (current + 1) * pageSize);
  const toggle = (id: string) => {
    setSort((s) => ({ column: id, direction: s?.column === id && s.direction === 'ascending' ? 'descending' : 'ascending' }));
    setPage(0);
  };
  return (
    <div className="table-frame">
      <table className="data-table">
        <caption className={showCaption ? undefined : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.id} scope="col" className={c.className} aria-sort={sort?.column === c.id ? sort.direction : undefined}>
                {c.sortValue ? (
                  <button
                    type="button"
                    className="sort"
                    onClick={() => toggle(c.id)}
                    title={t('technician.table.sortBy', { column: c.header })}
                  >
                    {c.header}
                    <span aria-hidden="true" className="sort-mark">
                      {sort?.column === c.id ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                ) : (
                  c.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 && (
            <tr>
              <td colSpan={columns.length}>{empty ?? t('technician.table.empty')}</td>
            </tr>
          )}
          {shown.map((row) => (
            <tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((c) => (
                <td key={c.id} className={c.className} data-label={c.header}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav className="pager" aria-label={caption}>
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            {t('technician.table.previous')}
          </button>
          <output aria-live="polite">
            {t('technician.table.page', { page: current + 1, pages })} · {t('technician.table.rows', { count: sorted.length })}
          </output>
          <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            {t('technician.table.next')}
          </button>
        </nav>
      )}
    </div>
  );
}
