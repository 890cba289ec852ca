import type { Migrations } from '../storage/database.ts';

/** What still has to reach the central system: unresolved, or accepted offline and not replayed yet. */
export const WAITS_FOR_REPLAY = "(state = 'unknown' OR (state = 'pending' AND offline = 1))";

/** A loan accepted offline and not registered yet (what the per-patron offline limit counts). */
export const OFFLINE_LOAN = "(kind = 'checkout' AND state = 'pending' AND offline = 1)";

/** A transaction's columns after its seq and id (the same in every version of the table). */
const TRANSACTION_FIELDS = `kind TEXT NOT NULL CHECK (kind IN ('checkout', 'checkin', 'renew')),
      card TEXT,
      item TEXT NOT NULL,
      branch TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'unknown', 'done', 'conflict', 'cancelled')),
      offline INTEGER NOT NULL DEFAULT 0,
      attempts INTEGER NOT NULL DEFAULT 0,
      outcome TEXT,
      reason TEXT,
      server_message TEXT,
      due_date TEXT,
      updated_at INTEGER NOT NULL,
      handled_at INTEGER,
      handled_by TEXT`;

/**
 * The queue's tables. `seq` is the original order (replay follows it);
 * `id` is the transaction's uuid. Rows are never deleted except `done`
 * ones past retention; `card` is cleared when a row is done or cancelled,
 * and when staff have handled a conflict. States:
 *  - pending   recorded, outcome not known yet (in flight, or accepted offline and waiting for replay)
 *  - unknown   may have reached the central system but the patron was not told it succeeded
 *              (crash or failure mid-flight); resolved by asking for the item's state
 *  - done      finished at the central system (ok or, online, refused: see outcome)
 *  - conflict  the central system refused an offline transaction on replay; staff work through these
 *  - cancelled never reached the central system and the patron was not told it succeeded
 */
export const QUEUE_MIGRATIONS: Migrations = {
  subsystem: 'queue',
  steps: [
    `CREATE TABLE queue_transactions (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      ${TRANSACTION_FIELDS}
    );
    CREATE INDEX queue_transactions_state ON queue_transactions (state, seq);
    CREATE INDEX queue_transactions_card ON queue_transactions (card, state);
    CREATE TABLE queue_pins (
      card TEXT PRIMARY KEY,
      salt BLOB NOT NULL,
      hash BLOB NOT NULL,
      seen_at INTEGER NOT NULL
    );
    CREATE TABLE queue_lease (
      name TEXT PRIMARY KEY,
      owner TEXT NOT NULL,
      expires_at INTEGER NOT NULL
    );`,
    // Every checkout and return asks whether something for its item still waits for replay.
    'CREATE INDEX queue_transactions_item ON queue_transactions (item, state);',
    // A card number is kept only while replay or staff need it.
    "UPDATE queue_transactions SET card = NULL WHERE state IN ('done', 'cancelled') OR handled_at IS NOT NULL;",
    // Only the indexes a query needs, and only over the rows it asks about: replay's order, the
    // backlog and the per-item wait look at rows waiting for replay; the offline loan limit at a
    // patron's unregistered offline loans. A loan made online (pending, then done) enters none of
    // them, so the write-ahead row and its outcome touch the table and the id alone. Staff reports
    // scan the table (a busy branch's year: tens of milliseconds).
    `DROP INDEX queue_transactions_state;
    DROP INDEX queue_transactions_card;
    DROP INDEX queue_transactions_item;
    CREATE INDEX queue_waiting ON queue_transactions (seq) WHERE ${WAITS_FOR_REPLAY};
    CREATE INDEX queue_waiting_item ON queue_transactions (item) WHERE ${WAITS_FOR_REPLAY};
    CREATE INDEX queue_offline_loans ON queue_transactions (card) WHERE ${OFFLINE_LOAN};`,
    // A loan's write-ahead row writes one page, as a bare insert does: no AUTOINCREMENT (its
    // sqlite_sequence row was a second page per commit; seq only orders, and a new row still gets
    // a higher one than any row on file) and no index over every id (a third page; the kiosk
    // writes by seq). Staff look up conflicts by id through a partial index over conflicts only.
    `CREATE TABLE queue_transactions_v5 (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL,
      ${TRANSACTION_FIELDS}
    );
    INSERT INTO queue_transactions_v5 (seq, id, kind, card, item, branch, created_at, state, offline, attempts, outcome, reason,
      server_message, due_date, updated_at, handled_at, handled_by)
      SELECT seq, id, kind, card, item, branch, created_at, state, offline, attempts, outcome, reason,
      server_message, due_date, updated_at, handled_at, handled_by FROM queue_transactions;
    DROP TABLE queue_transactions;
    ALTER TABLE queue_transactions_v5 RENAME TO queue_transactions;
    CREATE INDEX queue_waiting ON queue_transactions (seq) WHERE ${WAITS_FOR_REPLAY};
    CREATE INDEX queue_waiting_item ON queue_transactions (item) WHERE ${WAITS_FOR_REPLAY};
    CREATE INDEX queue_offline_loans ON queue_transactions (card) WHERE ${OFFLINE_LOAN};
    CREATE INDEX queue_conflicts ON queue_transactions (id) WHERE state = 'conflict';`,
  ],
};
