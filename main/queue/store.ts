import { randomUUID } from 'node:crypto';
import type { Db } from '../storage/database.ts';
import { migrate } from '../storage/database.ts';
import { OFFLINE_LOAN, QUEUE_MIGRATIONS, WAITS_FOR_REPLAY } from './schema.ts';

export { WAITS_FOR_REPLAY } from './schema.ts';

export type QueueKind = 'checkout' | 'checkin' | 'renew';
export type QueueState = 'pending' | 'unknown' | 'done' | 'conflict' | 'cancelled';
export const QUEUE_STATES: readonly QueueState[] = ['pending', 'unknown', 'done', 'conflict', 'cancelled'];
/** ok / refused (online), applied-untold (found done at the server although the patron was not told), checked (found done before a resend). */
export type QueueOutcome = 'ok' | 'refused' | 'applied-untold' | 'checked';

export interface QueueRow {
  readonly seq: number;
  readonly id: string;
  readonly kind: QueueKind;
  readonly card: string | null;
  readonly item: string;
  readonly branch: string;
  readonly createdAt: number;
  readonly state: QueueState;
  readonly offline: boolean;
  readonly attempts: number;
  readonly outcome: QueueOutcome | null;
  readonly reason: string | null;
  /** What the central system said (its screen message), for staff. */
  readonly serverMessage: string | null;
  readonly dueDate: string | null;
  readonly updatedAt: number;
  readonly handledAt: number | null;
  readonly handledBy: string | null;
}

export type FinalState = 'done' | 'conflict' | 'cancelled';
/** A recorded transaction, as the store's writes find it: by its row number (the id has no index: see schema.ts). */
export type Recorded = Pick<QueueRow, 'seq'>;
export interface FinishDetail {
  readonly reason?: string | undefined;
  readonly message?: string | undefined;
  readonly dueDate?: string | undefined;
}

/** A transaction replay sent and how it ended, written with the next batch's attempts. */
export interface Ended {
  readonly row: QueueRow;
  readonly state: FinalState;
  readonly outcome: QueueOutcome | null;
  readonly detail?: FinishDetail;
}

export interface NewTransaction {
  readonly kind: QueueKind;
  readonly card?: string | undefined;
  readonly item: string;
  readonly branch: string;
  readonly at: number;
  /** 1 when the caller sends it right after recording (the online path), 0 when it waits for replay. */
  readonly attempts: 0 | 1;
  readonly offline?: boolean;
  readonly dueDate?: string | undefined;
}

const COLUMNS = `seq, id, kind, card, item, branch, created_at AS createdAt, state, offline, attempts, outcome, reason, server_message AS serverMessage,
  due_date AS dueDate, updated_at AS updatedAt, handled_at AS handledAt, handled_by AS handledBy`;

type RawRow = Omit<QueueRow, 'offline'> & { offline: number };
const toRow = (r: RawRow): QueueRow => ({ ...r, offline: r.offline === 1 });

/**
 * The queue's durable record: every write is one SQLite transaction that
 * is on disk (WAL, synchronous=FULL) when the call returns, so what the
 * caller does next (send, tell the patron) happens after it is recorded.
 */
export class QueueStore {
  private readonly s;

  constructor(
    readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    migrate(db, QUEUE_MIGRATIONS);
    this.s = {
      insert: db.prepare(
        `INSERT INTO queue_transactions (id, kind, card, item, branch, created_at, state, offline, attempts, due_date, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
      ),
      get: db.prepare(`SELECT ${COLUMNS} FROM queue_transactions WHERE id = ?`),
      attempt: db.prepare('UPDATE queue_transactions SET attempts = attempts + 1, updated_at = ? WHERE seq = ?'),
      // A finished row no longer needs the card (replay is over); a conflict keeps it until staff handle it.
      finish: db.prepare(
        `UPDATE queue_transactions SET state = @state, outcome = @outcome, reason = @reason, server_message = @message,
           due_date = COALESCE(@dueDate, due_date), updated_at = @now, card = CASE WHEN @state = 'conflict' THEN card END WHERE seq = @seq`,
      ),
      offline: db.prepare('UPDATE queue_transactions SET offline = 1, due_date = ?, updated_at = ? WHERE seq = ?'),
      unknown: db.prepare("UPDATE queue_transactions SET state = 'unknown', updated_at = ? WHERE seq = ?"),
      next: db.prepare(`SELECT ${COLUMNS} FROM queue_transactions WHERE ${WAITS_FOR_REPLAY} AND seq > ? ORDER BY seq LIMIT 1`),
      upcoming: db.prepare(`SELECT ${COLUMNS} FROM queue_transactions WHERE ${WAITS_FOR_REPLAY} ORDER BY seq LIMIT ?`),
      touch: db.prepare('UPDATE queue_transactions SET updated_at = ? WHERE seq = ?'),
      uncount: db.prepare(
        "UPDATE queue_transactions SET attempts = attempts - 1, updated_at = ? WHERE seq = ? AND state = 'pending' AND attempts > 0",
      ),
      backlog: db.prepare(`SELECT COUNT(*) AS n FROM queue_transactions WHERE ${WAITS_FOR_REPLAY}`),
      oldest: db.prepare(`SELECT MIN(created_at) AS t FROM queue_transactions WHERE ${WAITS_FOR_REPLAY}`),
      waiting: db.prepare(`SELECT 1 FROM queue_transactions WHERE item = ? AND ${WAITS_FOR_REPLAY} LIMIT 1`),
      offlineLoans: db.prepare(`SELECT COUNT(*) AS n FROM queue_transactions WHERE card = ? AND ${OFFLINE_LOAN}`),
    };
  }

  /**
   * Writes a new `pending` transaction (durably) and returns it as written:
   * built from the values just written and the new row number, so nothing
   * is read back (not even through RETURNING).
   */
  record(tx: NewTransaction): QueueRow {
    const id = randomUUID();
    const now = this.now();
    const card = tx.card ?? null;
    const dueDate = tx.dueDate ?? null;
    const offline = tx.offline === true;
    const { lastInsertRowid } = this.s.insert.run(id, tx.kind, card, tx.item, tx.branch, tx.at, offline ? 1 : 0, tx.attempts, dueDate, now);
    return {
      seq: Number(lastInsertRowid),
      id,
      kind: tx.kind,
      card,
      item: tx.item,
      branch: tx.branch,
      createdAt: tx.at,
      state: 'pending',
      offline,
      attempts: tx.attempts,
      outcome: null,
      reason: null,
      serverMessage: null,
      dueDate,
      updatedAt: now,
      handledAt: null,
      handledBy: null,
    };
  }

  /** One transaction by its id (staff tools and tests; the id has no index, so this reads the table). */
  get(id: string): QueueRow | undefined {
    const r = this.s.get.get(id) as RawRow | undefined;
    return r ? toRow(r) : undefined;
  }

  /** Counted before each send, so a crash after it leaves "maybe sent" on record. */
  attempt(tx: Recorded): void {
    this.s.attempt.run(this.now(), tx.seq);
  }

  finish(tx: Recorded, state: FinalState, outcome: QueueOutcome | null, detail: FinishDetail = {}): void {
    this.s.finish.run({
      seq: tx.seq,
      state,
      outcome,
      reason: detail.reason ?? null,
      message: detail.message ?? null,
      dueDate: detail.dueDate ?? null,
      now: this.now(),
    });
  }

  /** The patron is told it is done offline; replay will register it. */
  acceptOffline(tx: Recorded, dueDate?: string): void {
    this.s.offline.run(dueDate ?? null, this.now(), tx.seq);
  }

  /** Maybe reached the central system, and the patron was not told it succeeded. */
  markUnknown(tx: Recorded): void {
    this.s.unknown.run(this.now(), tx.seq);
  }

  /**
   * After a crash: a `pending` row that was not accepted offline was in
   * flight and the patron never heard it succeeded. Never sent: cancelled;
   * maybe sent: unknown (replay asks the server).
   */
  recover(): { unknown: number; cancelled: number } {
    const now = this.now();
    return this.db
      .transaction(() => {
        const unknown = this.db
          .prepare(
            "UPDATE queue_transactions SET state = 'unknown', updated_at = ? WHERE state = 'pending' AND offline = 0 AND attempts > 0",
          )
          .run(now).changes;
        const cancelled = this.db
          .prepare(
            "UPDATE queue_transactions SET state = 'cancelled', reason = 'interrupted', updated_at = ? WHERE state = 'pending' AND offline = 0",
          )
          .run(now).changes;
        return { unknown, cancelled };
      })
      .immediate();
  }

  /** The oldest transaction replay must settle next, in original order (after `seq` when given). */
  nextToReplay(after = 0): QueueRow | undefined {
    const r = this.s.next.get(after) as RawRow | undefined;
    return r ? toRow(r) : undefined;
  }

  /**
   * Replay's group commit: in one commit (one flush), writes the outcomes of
   * the transactions just sent and counts the attempts of the next batch:
   * up to `batch` fresh offline transactions in original order, stopping
   * before one that needs a check first (unknown, or maybe sent) and before
   * a second transaction for an item already in the batch, so after a crash
   * each item's state at the central system says whether its one
   * transaction in the batch happened. Returns the batch as it now stands;
   * when it is empty, `next` is the transaction that needs the check.
   */
  commitReplay(ended: readonly Ended[], batch: number): { batch: QueueRow[]; next: QueueRow | undefined } {
    return this.db
      .transaction(() => {
        for (const e of ended) this.finish(e.row, e.state, e.outcome, e.detail);
        if (batch <= 0) return { batch: [], next: undefined };
        const rows = (this.s.upcoming.all(batch) as RawRow[]).map(toRow);
        const now = this.now();
        const items = new Set<string>();
        const counted: QueueRow[] = [];
        for (const r of rows) {
          if (r.state !== 'pending' || r.attempts > 0 || items.has(r.item)) break;
          items.add(r.item);
          this.s.attempt.run(now, r.seq);
          counted.push({ ...r, attempts: 1, updatedAt: now });
        }
        return { batch: counted, next: counted.length === 0 ? rows[0] : undefined };
      })
      .immediate();
  }

  /**
   * A replay round stops inside a batch: the outcomes so far are written;
   * the transaction whose send failed is "maybe sent" from now (its settle
   * time counts from the failure, not from the batch's start); the ones
   * after it were never sent and lose the attempt counted for them.
   */
  stopReplay(ended: readonly Ended[], failed: QueueRow | undefined, unsent: readonly QueueRow[]): void {
    this.db
      .transaction(() => {
        for (const e of ended) this.finish(e.row, e.state, e.outcome, e.detail);
        const now = this.now();
        if (failed) this.s.touch.run(now, failed.seq);
        // Only while still pending: another replayer that took the lease over may have settled it meanwhile.
        for (const r of unsent) this.s.uncount.run(now, r.seq);
      })
      .immediate();
  }

  /** Original time of the oldest transaction still waiting for replay. */
  oldestWaiting(): number | undefined {
    return (this.s.oldest.get() as { t: number | null }).t ?? undefined;
  }

  backlog(): number {
    return (this.s.backlog.get() as { n: number }).n;
  }

  /** Something for this item waits for replay (a new transaction for it must queue behind). */
  waiting(item: string): boolean {
    return this.s.waiting.get(item) !== undefined;
  }

  /** Loans this patron took offline that are not registered yet. */
  offlineLoans(card: string): number {
    return (this.s.offlineLoans.get(card) as { n: number }).n;
  }
}

/** A lease owner names its process, so a kiosk restarted after a crash need not wait out its dead predecessor's lease. */
export function leaseOwner(role: string): string {
  return `${process.pid}:${role}:${randomUUID()}`;
}

function holderAlive(owner: string): boolean {
  const pid = Number(owner.slice(0, owner.indexOf(':')));
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface Lease {
  /** Takes (or renews) the named lease unless another owner holds an unexpired one. */
  acquire(owner: string, ttlMs: number): boolean;
  release(owner: string): void;
}

/** One replayer at a time per file (the kiosk and `openbranch queue replay` may both try). */
export function replayLease(db: Db, now: () => number = Date.now, name = 'replay'): Lease {
  return {
    acquire(owner, ttlMs) {
      return db
        .transaction(() => {
          const held = db.prepare('SELECT owner, expires_at AS expiresAt FROM queue_lease WHERE name = ?').get(name) as
            | { owner: string; expiresAt: number }
            | undefined;
          if (held && held.owner !== owner && held.expiresAt > now() && holderAlive(held.owner)) return false;
          db.prepare(
            'INSERT INTO queue_lease (name, owner, expires_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at',
          ).run(name, owner, now() + ttlMs);
          return true;
        })
        .immediate();
    },
    release(owner) {
      db.prepare('DELETE FROM queue_lease WHERE name = ? AND owner = ?').run(name, owner);
    },
  };
}
