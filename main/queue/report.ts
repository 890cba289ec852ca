import { OpenBranchError } from '../../shared/errors.ts';
import type { Db } from '../storage/database.ts';
import { QUEUE_STATES, type QueueKind, type QueueRow, type QueueState, QueueStore, WAITS_FOR_REPLAY } from './store.ts';

const DAY = 86_400_000;

export interface QueueStatus {
  readonly counts: Readonly<Record<QueueState, number>>;
  /** Waiting to be registered (offline) or resolved (unknown). */
  readonly backlog: number;
  /** Conflicts no staff member has marked handled yet. */
  readonly openConflicts: number;
  /** Original time of the oldest transaction still waiting (ISO), if any. */
  readonly oldestPending: string | null;
}

export interface ListedRow {
  readonly id: string;
  readonly time: string;
  readonly kind: QueueKind;
  readonly card: string | null;
  readonly item: string;
  readonly branch: string;
  readonly state: QueueState;
  readonly offline: boolean;
  readonly attempts: number;
  readonly outcome: string | null;
  readonly reason: string | null;
  readonly serverMessage: string | null;
  readonly dueDate: string | null;
  readonly handled: string | null;
}

/** The staff's view of the queue: counts, lists, the conflicts to work through. Read-only except `markHandled` and `prune`. */
export function queueStatus(db: Db): QueueStatus {
  new QueueStore(db); // brings the tables forward if this file predates them
  const counts = Object.fromEntries(QUEUE_STATES.map((s) => [s, 0])) as Record<QueueState, number>;
  for (const r of db.prepare('SELECT state, COUNT(*) AS n FROM queue_transactions GROUP BY state').all() as Array<{
    state: QueueState;
    n: number;
  }>)
    counts[r.state] = r.n;
  const oldest = db.prepare(`SELECT MIN(created_at) AS t FROM queue_transactions WHERE ${WAITS_FOR_REPLAY} OR state = 'pending'`).get() as {
    t: number | null;
  };
  const backlog = (db.prepare(`SELECT COUNT(*) AS n FROM queue_transactions WHERE ${WAITS_FOR_REPLAY}`).get() as { n: number }).n;
  const open = (
    db.prepare("SELECT COUNT(*) AS n FROM queue_transactions WHERE state = 'conflict' AND handled_at IS NULL").get() as { n: number }
  ).n;
  return { counts, backlog, openConflicts: open, oldestPending: oldest.t === null ? null : new Date(oldest.t).toISOString() };
}

/** Card numbers are shown as their last four digits unless `revealCards` (the staff's conflict list needs them whole). */
export function listTransactions(
  db: Db,
  options: { readonly state?: QueueState | undefined; readonly limit?: number; readonly revealCards?: boolean } = {},
): ListedRow[] {
  new QueueStore(db);
  if (options.state !== undefined && !QUEUE_STATES.includes(options.state))
    throw new OpenBranchError('queue.bad-state', `unknown state "${options.state}" (one of ${QUEUE_STATES.join(', ')})`);
  const where = options.state ? 'WHERE state = ?' : '';
  const rows = db
    .prepare(
      `SELECT seq, id, kind, card, item, branch, created_at AS createdAt, state, offline, attempts, outcome, reason,
         server_message AS serverMessage, due_date AS dueDate, handled_at AS handledAt
       FROM queue_transactions ${where} ORDER BY seq DESC LIMIT ${Math.max(1, Math.min(options.limit ?? 500, 100_000))}`,
    )
    .all(...(options.state ? [options.state] : [])) as Array<Omit<QueueRow, 'offline'> & { offline: number }>;
  return rows.map((r) => ({
    id: r.id,
    time: new Date(r.createdAt).toISOString(),
    kind: r.kind,
    card: r.card === null ? null : options.revealCards ? r.card : maskCard(r.card),
    item: r.item,
    branch: r.branch,
    state: r.state,
    offline: Boolean(r.offline),
    attempts: r.attempts,
    outcome: r.outcome,
    reason: r.reason,
    serverMessage: r.serverMessage,
    dueDate: r.dueDate,
    handled: r.handledAt === null ? null : new Date(r.handledAt).toISOString(),
  }));
}

export function maskCard(card: string): string {
  return card.length <= 4 ? '****' : `…${card.slice(-4)}`;
}

const CSV_COLUMNS = ['id', 'time', 'kind', 'card', 'item', 'branch', 'reason', 'serverMessage', 'handled'] as const;

/** The conflicts a staff member works through, oldest first, as RFC 4180 CSV. */
export function conflictsCsv(db: Db): string {
  const rows = listTransactions(db, { state: 'conflict', limit: 100_000, revealCards: true }).reverse();
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    // A leading = + - @ would be a formula in a spreadsheet.
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => cell(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** A staff member has dealt with this conflict; it stays on record. */
export function markHandled(db: Db, id: string, by: string, now = Date.now()): void {
  new QueueStore(db);
  // Conflicts through their partial index; anything else only to say why not (a read of the table).
  const conflict = db.prepare("SELECT seq FROM queue_transactions WHERE id = ? AND state = 'conflict'").get(id) as
    | { seq: number }
    | undefined;
  if (!conflict) {
    const row = db.prepare('SELECT state FROM queue_transactions WHERE id = ?').get(id) as { state: QueueState } | undefined;
    if (!row) throw new OpenBranchError('queue.not-found', `no queued transaction with id ${id}`);
    throw new OpenBranchError('queue.not-conflict', `transaction ${id} is ${row.state}, not a conflict`);
  }
  // Handled: the card number has served its purpose.
  db.prepare('UPDATE queue_transactions SET handled_at = ?, handled_by = ?, updated_at = ?, card = NULL WHERE seq = ?').run(
    now,
    by,
    now,
    conflict.seq,
  );
}

/** Removes finished (`done`) transactions older than the retention; nothing else is ever deleted. */
export function pruneDone(db: Db, retentionDays: number, now = Date.now()): number {
  return db.prepare("DELETE FROM queue_transactions WHERE state = 'done' AND updated_at < ?").run(now - retentionDays * DAY).changes;
}
