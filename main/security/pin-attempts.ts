import { type Db, migrate } from '../storage/database.ts';
import { steadyNow } from './steady-clock.ts';

const MIGRATIONS = {
  subsystem: 'pin-attempts',
  steps: [
    `CREATE TABLE pin_attempts (id INTEGER PRIMARY KEY, card_key TEXT NOT NULL, at INTEGER NOT NULL);
     CREATE INDEX pin_attempts_card ON pin_attempts (card_key, at);`,
  ],
};

export interface PinAttemptPolicy {
  /** Wrong PINs per card within the window before the card is refused. */
  readonly wrong: number;
  readonly windowMinutes: number;
}

/** What a PIN check showed: right, wrong, or nothing (the card is unknown, the system could not be asked). */
export type PinVerdict = 'right' | 'wrong' | 'unchecked';

export type PinAdmission = { readonly ok: true; settle(verdict: PinVerdict): void } | { readonly ok: false; readonly retryAt: Date };

/**
 * The patron PIN attempt limit, shared by the self-service screens and the
 * door: each attempt is written to disk when it arrives, before the PIN is
 * checked (online or against a local hash), so neither concurrent guesses
 * nor a restart get past it. A wrong PIN stays counted for the window; a
 * right one clears the card's count; a check that could not be made is
 * taken back. Cards are kept as keyed hashes, never as numbers; times are
 * on the steady clock, which nothing on the bridge can move. When the disk
 * refuses the write (full, read-only) the attempt is counted in memory
 * instead: the limit still holds, and the door stays in service.
 */
export class PinAttempts {
  private readonly windowMs: number;
  /** Attempts the disk would not take, by card key. */
  private readonly unsaved = new Map<string, number[]>();
  /** A right PIN whose clearing the disk would not take: saved attempts up to this row id no longer count. */
  private readonly clearedUpTo = new Map<string, number | bigint>();

  constructor(
    private readonly db: Db,
    private readonly policy: PinAttemptPolicy,
    /** Keyed hash of a card number (the install key's HMAC). */
    private readonly cardKey: (card: string) => string,
    private readonly now: () => number = steadyNow,
    /** The disk refused an attempt (it is counted in memory): for the log and metrics. */
    private readonly onFault: (error: unknown) => void = () => {},
  ) {
    migrate(db, MIGRATIONS);
    this.windowMs = policy.windowMinutes * 60_000;
  }

  /** Counts an attempt for this card before its PIN is checked, or refuses it with the time it may try again. */
  begin(card: string): PinAdmission {
    const key = this.cardKey(card);
    const now = this.now();
    const retryAt = this.retryAtFor(key, now);
    if (retryAt) return { ok: false, retryAt };
    // Synchronous from the count to the write: two attempts cannot both see room for one.
    let id: number | bigint | undefined;
    try {
      id = this.db.prepare('INSERT INTO pin_attempts (card_key, at) VALUES (?, ?)').run(key, now).lastInsertRowid;
    } catch (e) {
      this.onFault(e);
      this.unsaved.set(key, [...(this.unsaved.get(key) ?? []), now]);
    }
    return { ok: true, settle: (verdict) => this.settle(key, id, now, verdict) };
  }

  /** When this card may try again, if it is refused now. */
  lockedUntil(card: string): Date | undefined {
    return this.retryAtFor(this.cardKey(card), this.now());
  }

  /**
   * Runs `check` only when the card may try, counted before it runs;
   * settles with what the check showed. `lockedUntil` is set when this
   * wrong PIN was the one that reached the limit.
   */
  async guard<T>(
    card: string,
    check: () => Promise<T>,
    verdict: (result: T) => PinVerdict,
  ): Promise<{ ok: true; value: T; lockedUntil: Date | undefined } | { ok: false; retryAt: Date }> {
    const attempt = this.begin(card);
    if (!attempt.ok) return attempt;
    let result: T;
    try {
      result = await check();
    } catch (e) {
      attempt.settle('unchecked');
      throw e;
    }
    const v = verdict(result);
    attempt.settle(v);
    return { ok: true, value: result, lockedUntil: v === 'wrong' ? this.lockedUntil(card) : undefined };
  }

  /** Drops attempts older than the window (run with the other retention jobs). */
  prune(): number {
    const cutoff = this.now() - this.windowMs;
    for (const [key, times] of this.unsaved) {
      const kept = times.filter((t) => t > cutoff);
      if (kept.length === 0) this.unsaved.delete(key);
      else this.unsaved.set(key, kept);
    }
    return this.db.prepare('DELETE FROM pin_attempts WHERE at <= ?').run(cutoff).changes;
  }

  private retryAtFor(key: string, now: number): Date | undefined {
    const since = now - this.windowMs;
    const times = [...this.savedTimes(key, since), ...(this.unsaved.get(key) ?? []).filter((t) => t > since)].sort((a, b) => a - b);
    if (times.length < this.policy.wrong) return undefined;
    // The count falls below the limit when the attempt that reached it leaves the window.
    return new Date(times[times.length - this.policy.wrong]! + this.windowMs);
  }

  private savedTimes(key: string, since: number): number[] {
    try {
      return (
        this.db
          .prepare('SELECT at FROM pin_attempts WHERE card_key = ? AND at > ? AND id > ?')
          .all(key, since, this.clearedUpTo.get(key) ?? 0) as {
          at: number;
        }[]
      ).map((r) => r.at);
    } catch (e) {
      this.onFault(e);
      return [];
    }
  }

  private settle(key: string, id: number | bigint | undefined, at: number, verdict: PinVerdict): void {
    // A wrong PIN: the row written before the check already counts it.
    if (verdict === 'wrong') return;
    if (verdict === 'right') {
      this.unsaved.delete(key);
      this.clear(key);
    } else if (id !== undefined) {
      this.quietly(() => this.db.prepare('DELETE FROM pin_attempts WHERE id = ?').run(id));
    } else {
      // Take back this one attempt (others may share its millisecond).
      const times = [...(this.unsaved.get(key) ?? [])];
      times.splice(times.indexOf(at), times.includes(at) ? 1 : 0);
      this.unsaved.set(key, times);
    }
  }

  /** A right PIN: the card's count starts again. */
  private clear(key: string): void {
    if (this.quietly(() => this.db.prepare('DELETE FROM pin_attempts WHERE card_key = ?').run(key))) return;
    // The disk keeps the rows: remember up to which one they no longer count (all of them if even that cannot be read).
    let last: number | bigint = Number.MAX_SAFE_INTEGER;
    this.quietly(() => {
      last = (this.db.prepare('SELECT MAX(id) AS id FROM pin_attempts WHERE card_key = ?').get(key) as { id: number | null }).id ?? 0;
    });
    this.clearedUpTo.set(key, last);
  }

  /** A write that may fail on a refusing disk (then false); the count errs on the safe side (an attempt stays counted). */
  private quietly(write: () => unknown): boolean {
    try {
      write();
      return true;
    } catch (e) {
      this.onFault(e);
      return false;
    }
  }
}
