import { type Db, migrate } from '../storage/database.ts';
import { steadyNow } from './steady-clock.ts';

const MIGRATIONS = {
  subsystem: 'pin-attempts',
  steps: [
    `CREATE TABLE pin_attempts (id INTEGER PRIMARY KEY, card_key TEXT NOT NULL, at INTEGER NOT NULL, settled INTEGER NOT NULL DEFAULT 0);
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
 * on the steady clock, which nothing on the bridge can move.
 */
export class PinAttempts {
  private readonly windowMs: number;

  constructor(
    private readonly db: Db,
    private readonly policy: PinAttemptPolicy,
    /** Keyed hash of a card number (the install key's HMAC). */
    private readonly cardKey: (card: string) => string,
    private readonly now: () => number = steadyNow,
  ) {
    migrate(db, MIGRATIONS);
    this.windowMs = policy.windowMinutes * 60_000;
  }

  /** Counts an attempt for this card before its PIN is checked, or refuses it with the time it may try again. */
  begin(card: string): PinAdmission {
    const key = this.cardKey(card);
    const admit = this.db.transaction((): PinAdmission => {
      const now = this.now();
      const retryAt = this.retryAtFor(key, now);
      if (retryAt) return { ok: false, retryAt };
      const id = this.db.prepare('INSERT INTO pin_attempts (card_key, at) VALUES (?, ?)').run(key, now).lastInsertRowid;
      return { ok: true, settle: (verdict) => this.settle(key, id, verdict) };
    });
    return admit.immediate();
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
    return this.db.prepare('DELETE FROM pin_attempts WHERE at <= ?').run(this.now() - this.windowMs).changes;
  }

  private retryAtFor(key: string, now: number): Date | undefined {
    const times = (
      this.db.prepare('SELECT at FROM pin_attempts WHERE card_key = ? AND at > ? ORDER BY at').all(key, now - this.windowMs) as {
        at: number;
      }[]
    ).map((r) => r.at);
    if (times.length < this.policy.wrong) return undefined;
    // The count falls below the limit when the attempt that reached it leaves the window.
    return new Date(times[times.length - this.policy.wrong]! + this.windowMs);
  }

  private settle(key: string, id: number | bigint, verdict: PinVerdict): void {
    if (verdict === 'right') this.db.prepare('DELETE FROM pin_attempts WHERE card_key = ?').run(key);
    else if (verdict === 'unchecked') this.db.prepare('DELETE FROM pin_attempts WHERE id = ?').run(id);
    else this.db.prepare('UPDATE pin_attempts SET settled = 1 WHERE id = ?').run(id);
  }
}
