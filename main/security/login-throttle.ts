/** Monotonic time and waiting, injectable so tests step through delays without sleeping. */
export interface ThrottleClock {
  /** Milliseconds on a clock that never goes back (not the wall clock). */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const monotonicClock: ThrottleClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()),
};

export interface ThrottlePolicy {
  /** Wrong PINs (and checks under way) one connection may have before it is refused for good. */
  readonly perConnection: number;
  /** Wrong PINs overall within `windowMs` before every further attempt waits. */
  readonly freeFailures: number;
  readonly windowMs: number;
  /** The wait after the free attempts: doubling from `baseDelayMs` up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const TECHNICIAN_LOGIN_POLICY: ThrottlePolicy = {
  perConnection: 5,
  freeFailures: 5,
  windowMs: 15 * 60_000,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
};

export type Admission =
  | { readonly ok: true; settle(success: boolean): void }
  | { readonly ok: false; readonly reason: 'connection-locked' | 'busy'; readonly retryAfterMs: number };

/**
 * Attempt limits for a PIN check that is expensive on purpose (scrypt):
 * each attempt is counted when it arrives, before the check runs, so
 * forty guesses sent at once cannot all be evaluated. One connection gets
 * a few tries and is then refused; overall, after a few wrong PINs every
 * attempt waits a delay that doubles up to a minute, one at a time, and
 * the rest are told when to try again. There is no lock anyone can trip
 * to keep staff out for long: at worst staff wait the current delay.
 * A right PIN clears the counts.
 */
export class LoginThrottle {
  private failures: number[] = [];
  private inFlight = 0;
  /** When the one attempt now waiting its delay will be checked (undefined: none waits). */
  private waitingUntil: number | undefined;
  private readonly perConnection = new WeakMap<object, number>();

  constructor(
    private readonly policy: ThrottlePolicy = TECHNICIAN_LOGIN_POLICY,
    private readonly clock: ThrottleClock = monotonicClock,
  ) {}

  /** Admits one attempt from `connection` (any object that lives as long as it), or says why not. */
  async admit(connection: object): Promise<Admission> {
    const p = this.policy;
    const mine = this.perConnection.get(connection) ?? 0;
    if (mine >= p.perConnection) return { ok: false, reason: 'connection-locked', retryAfterMs: Number.POSITIVE_INFINITY };
    const now = this.clock.now();
    this.failures = this.failures.filter((t) => now - t < p.windowMs);
    const counted = this.failures.length + this.inFlight;
    const delay = counted < p.freeFailures ? 0 : Math.min(p.baseDelayMs * 2 ** (counted - p.freeFailures), p.maxDelayMs);
    if (delay > 0 && this.waitingUntil !== undefined)
      return { ok: false, reason: 'busy', retryAfterMs: Math.max(0, this.waitingUntil - now) };
    // Counted now, synchronously, before any await: the check itself comes later.
    this.perConnection.set(connection, mine + 1);
    this.inFlight++;
    if (delay > 0) {
      this.waitingUntil = now + delay;
      try {
        await this.clock.sleep(delay);
      } finally {
        this.waitingUntil = undefined;
      }
    }
    let settled = false;
    return {
      ok: true,
      settle: (success) => {
        if (settled) return;
        settled = true;
        this.inFlight--;
        if (success) {
          this.failures = [];
          this.perConnection.delete(connection);
        } else {
          this.failures.push(this.clock.now());
        }
      },
    };
  }
}
