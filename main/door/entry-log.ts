import { createHash, randomBytes } from 'node:crypto';
import { type Db, migrate } from '../storage/database.ts';

/**
 * Every door attempt and alarm, for what staff read in the morning. Each
 * attempt keeps a salted hash of the card (the salt is per install) for
 * statistics and the card number itself only for the identity retention
 * period (GDPR); only staff with the technician PIN are shown it.
 */
const MIGRATIONS = {
  subsystem: 'door',
  steps: [
    `CREATE TABLE door_salt (salt BLOB NOT NULL);
     CREATE TABLE door_entries (id INTEGER PRIMARY KEY, at TEXT NOT NULL, card_hash TEXT, outcome TEXT NOT NULL, reason TEXT);
     CREATE INDEX door_entries_at ON door_entries (at);
     CREATE TABLE door_alarms (id INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL);`,
    // Who it was, for staff with the technician PIN; blanked after the identity retention period.
    'ALTER TABLE door_entries ADD COLUMN card TEXT;',
  ],
};

const DAY = 86_400_000;

/** One attempt as staff see it, with the card number while it is still kept. */
export interface EntryRow {
  readonly at: string;
  readonly outcome: string;
  readonly reason: string | null;
  readonly card: string | null;
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
  private readonly salt: Buffer;

  constructor(private readonly db: Db) {
    migrate(db, MIGRATIONS);
    const row = db.prepare('SELECT salt FROM door_salt').get() as { salt: Buffer } | undefined;
    this.salt = row?.salt ?? randomBytes(16);
    if (!row) db.prepare('INSERT INTO door_salt (salt) VALUES (?)').run(this.salt);
  }

  /** SHA-256 of the per-install salt and the card: the key the offline entry cache stores patrons under. */
  readonly cardKey = (card: string): string => createHash('sha256').update(this.salt).update(card).digest('hex');

  /** The shortened card key the log and the lock-out counter use. */
  cardHash(card: string): string {
    return this.cardKey(card).slice(0, 32);
  }

  attempt(at: Date, card: string | undefined, outcome: 'granted' | 'denied', reason?: string): void {
    this.db
      .prepare('INSERT INTO door_entries (at, card_hash, outcome, reason, card) VALUES (?, ?, ?, ?, ?)')
      .run(at.toISOString(), card ? this.cardHash(card) : null, outcome, reason ?? null, card ?? null);
  }

  /** Entries granted since an instant (the evacuation check's "came in shortly before closing"). */
  grantsSince(since: Date): number {
    return (
      this.db.prepare("SELECT COUNT(*) AS n FROM door_entries WHERE outcome = 'granted' AND at >= ?").get(since.toISOString()) as {
        n: number;
      }
    ).n;
  }

  /** The attempts of a date range, newest first, with card numbers where still kept (staff only). */
  entries(from: string, to: string, limit = 1000): EntryRow[] {
    return this.db
      .prepare('SELECT at, outcome, reason, card FROM door_entries WHERE at >= ? AND at <= ? ORDER BY at DESC LIMIT ?')
      .all(from, `${to}T23:59:59.999Z`, limit) as EntryRow[];
  }

  /**
   * Blanks card numbers older than `identityDays` and deletes attempts and
   * alarms older than `days`. Returns what it did, for the log.
   */
  prune(now: Date, retention: { readonly identityDays: number; readonly days: number }): { identities: number; entries: number } {
    const cutoff = (d: number) => new Date(now.getTime() - d * DAY).toISOString();
    const identities = this.db
      .prepare('UPDATE door_entries SET card = NULL WHERE card IS NOT NULL AND at < ?')
      .run(cutoff(retention.identityDays)).changes;
    const entries = this.db.prepare('DELETE FROM door_entries WHERE at < ?').run(cutoff(retention.days)).changes;
    this.db.prepare('DELETE FROM door_alarms WHERE at < ?').run(cutoff(retention.days));
    return { identities, entries };
  }

  /**
   * Attempts and alarms in [start, end), oldest first, for the hourly report
   * and the technician's list; the card number only with `identities`
   * (while it is still kept).
   */
  between(
    start: Date,
    end: Date,
    options: { readonly identities?: boolean } = {},
  ): { attempts: EntryRow[]; alarms: Array<{ at: string; kind: string }> } {
    const range = [start.toISOString(), end.toISOString()];
    const card = options.identities ? 'card' : 'NULL AS card';
    return {
      attempts: this.db
        .prepare(`SELECT at, outcome, reason, ${card} FROM door_entries WHERE at >= ? AND at < ? ORDER BY at`)
        .all(...range) as EntryRow[],
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
