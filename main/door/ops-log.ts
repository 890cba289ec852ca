import { type Db, migrate } from '../storage/database.ts';

/**
 * The night-operations part of the entry log, in the same SQLite file:
 * what on-call staff did through the staff API (who, what, why), the door's
 * lockdown (it survives a restart), and tailgating (the card that opened as
 * the entry log's salted key, never the number, and how many followed).
 */
const MIGRATIONS = {
  subsystem: 'door-ops',
  steps: [
    `CREATE TABLE door_staff_actions (id INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL,
       reason TEXT NOT NULL, seconds INTEGER);
     CREATE INDEX door_staff_actions_at ON door_staff_actions (at);
     CREATE TABLE door_lockdown (id INTEGER PRIMARY KEY CHECK (id = 1), since TEXT NOT NULL, who TEXT NOT NULL, reason TEXT NOT NULL);
     CREATE TABLE door_tailgates (id INTEGER PRIMARY KEY, at TEXT NOT NULL, card_hash TEXT, followers INTEGER NOT NULL);
     CREATE INDEX door_tailgates_at ON door_tailgates (at);
     CREATE INDEX door_tailgates_card ON door_tailgates (card_hash, at);`,
  ],
};

export type StaffActionKind = 'unlock' | 'lockdown' | 'clear';

export interface StaffAction {
  readonly at: string;
  readonly who: string;
  readonly action: StaffActionKind;
  readonly reason: string;
  readonly seconds: number | null;
}

export interface Lockdown {
  readonly since: string;
  readonly who: string;
  readonly reason: string;
}

export interface Tailgate {
  readonly at: string;
  /** The entry log's key of the card that opened (null: the door was opened by staff from afar). */
  readonly cardHash: string | null;
  readonly followers: number;
}

const DAY = 86_400_000;

export class OpsLog {
  constructor(private readonly db: Db) {
    migrate(db, MIGRATIONS);
  }

  staffAction(at: Date, who: string, action: StaffActionKind, reason: string, seconds?: number): void {
    this.db
      .prepare('INSERT INTO door_staff_actions (at, who, action, reason, seconds) VALUES (?, ?, ?, ?, ?)')
      .run(at.toISOString(), who, action, reason, seconds ?? null);
  }

  staffActions(from: string, to: string): StaffAction[] {
    return this.db
      .prepare('SELECT at, who, action, reason, seconds FROM door_staff_actions WHERE at >= ? AND at <= ? ORDER BY at')
      .all(from, `${to}T23:59:59.999Z`) as StaffAction[];
  }

  lockdown(): Lockdown | undefined {
    return this.db.prepare('SELECT since, who, reason FROM door_lockdown WHERE id = 1').get() as Lockdown | undefined;
  }

  setLockdown(value: { since: Date; who: string; reason: string } | undefined): void {
    if (value === undefined) this.db.prepare('DELETE FROM door_lockdown').run();
    else
      this.db
        .prepare('INSERT OR REPLACE INTO door_lockdown (id, since, who, reason) VALUES (1, ?, ?, ?)')
        .run(value.since.toISOString(), value.who, value.reason);
  }

  tailgate(at: Date, cardHash: string | undefined, followers: number): void {
    this.db
      .prepare('INSERT INTO door_tailgates (at, card_hash, followers) VALUES (?, ?, ?)')
      .run(at.toISOString(), cardHash ?? null, followers);
  }

  tailgates(from: string, to: string): Tailgate[] {
    return this.db
      .prepare('SELECT at, card_hash AS cardHash, followers FROM door_tailgates WHERE at >= ? AND at <= ? ORDER BY at')
      .all(from, `${to}T23:59:59.999Z`) as Tailgate[];
  }

  /** Tailgates recorded against one card since an instant (policy "count against the card"). */
  tailgatesOf(cardHash: string, since: Date): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM door_tailgates WHERE card_hash = ? AND at >= ?').get(cardHash, since.toISOString()) as {
        n: number;
      }
    ).n;
  }

  /** Same retention as the entry log's attempts. */
  prune(now: Date, days: number): void {
    const cutoff = new Date(now.getTime() - days * DAY).toISOString();
    this.db.prepare('DELETE FROM door_staff_actions WHERE at < ?').run(cutoff);
    this.db.prepare('DELETE FROM door_tailgates WHERE at < ?').run(cutoff);
  }
}
