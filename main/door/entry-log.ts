import { type CardKey, ephemeralCardKey } from '../storage/card-key.ts';
import { type Db, type Migrations, migrate } from '../storage/database.ts';

/**
 * Every door attempt and alarm, for what staff read in the morning. Each
 * attempt keeps the card's keyed hash (HMAC under the install's secret,
 * never the number) for `identityDays`, so staff can look up what one card
 * did by entering or presenting it; the attempt itself is kept `days`.
 */
const migrations = (key: CardKey): Migrations => ({
  subsystem: 'door',
  steps: [
    `CREATE TABLE door_salt (salt BLOB NOT NULL);
     CREATE TABLE door_entries (id INTEGER PRIMARY KEY, at TEXT NOT NULL, card_hash TEXT, outcome TEXT NOT NULL, reason TEXT);
     CREATE INDEX door_entries_at ON door_entries (at);
     CREATE TABLE door_alarms (id INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL);`,
    'ALTER TABLE door_entries ADD COLUMN card TEXT;',
    // Card numbers out of the file: each number still kept becomes its keyed hash; the older salted
    // hashes go (their salt sat in the same file, so any copy of it could be searched for a card).
    (db) => {
      const update = db.prepare('UPDATE door_entries SET card_hash = ? WHERE id = ?');
      for (const r of db.prepare('SELECT id, card FROM door_entries').all() as Array<{ id: number; card: string | null }>)
        update.run(r.card === null ? null : key(r.card), r.id);
      db.exec('ALTER TABLE door_entries DROP COLUMN card; DROP TABLE door_salt;');
    },
  ],
});

const DAY = 86_400_000;

/** One attempt of the card staff looked up. */
export interface EntryRow {
  readonly at: string;
  readonly outcome: string;
  readonly reason: string | null;
}

export interface EntryReport {
  readonly from: string;
  readonly to: string;
  readonly granted: number;
  readonly denied: number;
  readonly perHour: Array<{ hour: number; count: number }>;
  readonly denialsByReason: Array<{ reason: string; count: number }>;
  readonly alarms: Array<{ at: string; kind: string }>;
}

export class EntryLog {
  constructor(
    private readonly db: Db,
    /** The install's keyed card hash (the door's offline cache stores patrons under the same key); default: this process only. */
    readonly cardKey: CardKey = ephemeralCardKey(),
  ) {
    migrate(db, migrations(cardKey));
  }

  /** The key the lock-out counter uses (the same keyed hash). */
  cardHash(card: string): string {
    return this.cardKey(card);
  }

  attempt(at: Date, card: string | undefined, outcome: 'granted' | 'denied', reason?: string): void {
    this.db
      .prepare('INSERT INTO door_entries (at, card_hash, outcome, reason) VALUES (?, ?, ?, ?)')
      .run(at.toISOString(), card ? this.cardKey(card) : null, outcome, reason ?? null);
  }

  /** Entries granted since an instant (the evacuation check's "came in shortly before closing"). */
  grantsSince(since: Date): number {
    return (
      this.db.prepare("SELECT COUNT(*) AS n FROM door_entries WHERE outcome = 'granted' AND at >= ?").get(since.toISOString()) as {
        n: number;
      }
    ).n;
  }

  /** One card's attempts in a date range, newest first, found by its keyed hash (kept `identityDays`; staff only). */
  entriesOf(card: string, from: string, to: string, limit = 1000): EntryRow[] {
    return this.db
      .prepare('SELECT at, outcome, reason FROM door_entries WHERE card_hash = ? AND at >= ? AND at <= ? ORDER BY at DESC LIMIT ?')
      .all(this.cardKey(card), from, `${to}T23:59:59.999Z`, limit) as EntryRow[];
  }

  /**
   * Blanks card keys older than `identityDays` and deletes attempts and
   * alarms older than `days`. Returns what it did, for the log.
   */
  prune(now: Date, retention: { readonly identityDays: number; readonly days: number }): { identities: number; entries: number } {
    const cutoff = (d: number) => new Date(now.getTime() - d * DAY).toISOString();
    const identities = this.db
      .prepare('UPDATE door_entries SET card_hash = NULL WHERE card_hash IS NOT NULL AND at < ?')
      .run(cutoff(retention.identityDays)).changes;
    const entries = this.db.prepare('DELETE FROM door_entries WHERE at < ?').run(cutoff(retention.days)).changes;
    this.db.prepare('DELETE FROM door_alarms WHERE at < ?').run(cutoff(retention.days));
    return { identities, entries };
  }

  /**
   * Attempts and alarms in [start, end), oldest first, for the hourly report
   * and the technician's list; with `card`, only that card's attempts, found
   * by its keyed hash (while kept).
   */
  between(
    start: Date,
    end: Date,
    options: { readonly card?: string | undefined } = {},
  ): { attempts: EntryRow[]; alarms: Array<{ at: string; kind: string }> } {
    const range = [start.toISOString(), end.toISOString()];
    const attempts = options.card
      ? this.db
          .prepare('SELECT at, outcome, reason FROM door_entries WHERE card_hash = ? AND at >= ? AND at < ? ORDER BY at')
          .all(this.cardKey(options.card), ...range)
      : this.db.prepare('SELECT at, outcome, reason FROM door_entries WHERE at >= ? AND at < ? ORDER BY at').all(...range);
    return {
      attempts: attempts as EntryRow[],
      alarms: this.db.prepare('SELECT at, kind FROM door_alarms WHERE at >= ? AND at < ? ORDER BY at').all(...range) as Array<{
        at: string;
        kind: string;
      }>,
    };
  }

  alarm(at: Date, kind: string): void {
    this.db.prepare('INSERT INTO door_alarms (at, kind) VALUES (?, ?)').run(at.toISOString(), kind);
  }

  /** Entries per hour (in UTC hours of the stored ISO time shifted to the branch's zone by the caller's hourOf), denials by reason, alarms. */
  report(from: string, to: string, hourOf: (iso: string) => number): EntryReport {
    const end = `${to}T23:59:59.999Z`;
    const rows = this.db
      .prepare('SELECT at, outcome, reason FROM door_entries WHERE at >= ? AND at <= ? ORDER BY at')
      .all(from, end) as Array<{ at: string; outcome: string; reason: string | null }>;
    const perHour = Array.from({ length: 24 }, (_, hour) => ({ hour, count: 0 }));
    const reasons = new Map<string, number>();
    for (const r of rows) {
      if (r.outcome === 'granted') perHour[hourOf(r.at)]!.count++;
      else reasons.set(r.reason ?? 'error', (reasons.get(r.reason ?? 'error') ?? 0) + 1);
    }
    const alarms = this.db.prepare('SELECT at, kind FROM door_alarms WHERE at >= ? AND at <= ? ORDER BY at').all(from, end) as Array<{
      at: string;
      kind: string;
    }>;
    return {
      from,
      to,
      granted: rows.filter((r) => r.outcome === 'granted').length,
      denied: rows.filter((r) => r.outcome === 'denied').length,
      perHour,
      denialsByReason: [...reasons.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
      alarms,
    };
  }
}
