import type { ReactNode } from 'react';

export interface TitleRow {
  readonly key: string;
  readonly symbol: string;
  /** data-item, where the row is an item the patron can act on. */
  readonly itemId?: string | undefined;
  readonly className?: string;
  readonly title: ReactNode;
  readonly lines?: readonly ReactNode[];
  readonly action?: ReactNode;
}

/** A list of titles with a symbol, a few lines under each and an optional button: loans and reservations. */
export function TitleList({ rows, label }: { rows: readonly TitleRow[]; label?: string }) {
  return (
    <ul className="item-lines" aria-label={label}>
      {rows.map((row) => (
        <li key={row.key} className={`item-line ${row.className ?? ''}`} data-item={row.itemId}>
          <span className="item-symbol" aria-hidden="true">
            {row.symbol}
          </span>
          <div className="item-text">
            <span className="item-title">{row.title}</span>
            {row.lines?.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one row never reorder
              <span key={i} className="item-detail">
                {line}
              </span>
            ))}
          </div>
          {row.action}
        </li>
      ))}
    </ul>
  );
}
