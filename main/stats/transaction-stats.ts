import { type Db, migrate } from '../storage/database.ts';

/**
 * Transactions counted by hour, kind and outcome for the staff reports.
 * No patron or item identifiers: these rows can be kept for years.
 */
const MIGRATIONS = {
  subsystem: 'stats',
  steps: [
    `CREATE TABLE stats_transactions (hour TEXT NOT NULL, kind TEXT NOT NULL, outcome TEXT NOT NULL, count INTEGER NOT NULL,
       PRIMARY KEY (hour, kind, outcome)) WITHOUT ROWID;`,
  ],
};

export type TransactionKind = 'checkout' | 'checkin' | 'renew';

export class TransactionStats {
  private readonly insert;

  constructor(private readonly db: Db) {
    migrate(db, MIGRATIONS);
    this.insert = db.prepare(
      'INSERT INTO stats_transactions (hour, kind, outcome, count) VALUES (?, ?, ?, 1) ON CONFLICT(hour, kind, outcome) DO UPDATE SET count = count + 1',
    );
  }

  /** `hour` is the local hour as "YYYY-MM-DDTHH"; `outcome` a code ("ok", "on-hold-for-other", "offline", ...). */
  count(hour: string, kind: TransactionKind, outcome: string): void {
    this.insert.run(hour, kind, outcome);
  }

  between(fromHour: string, toHour: string): Array<{ hour: string; kind: string; outcome: string; count: number }> {
    return this.db
      .prepare('SELECT hour, kind, outcome, count FROM stats_transactions WHERE hour >= ? AND hour <= ? ORDER BY hour, kind, outcome')
      .all(fromHour, toHour) as Array<{ hour: string; kind: string; outcome: string; count: number }>;
  }
}
