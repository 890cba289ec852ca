import type { Logger } from '../../shared/logger.ts';
import type { KioskMetrics } from '../metrics/kiosk-metrics.ts';
import type { EntryLog } from './entry-log.ts';

type EntryRecord =
  | {
      readonly type: 'attempt';
      readonly at: Date;
      readonly card: string | undefined;
      readonly outcome: 'granted' | 'denied';
      readonly reason?: string;
    }
  | { readonly type: 'alarm'; readonly at: Date; readonly kind: string };

/** Retry timing, injectable so tests step through it. */
export interface RetryTimer {
  after(ms: number, run: () => void): () => void;
}

const realTimer: RetryTimer = {
  after: (ms, run) => {
    const t = setTimeout(run, ms);
    t.unref();
    return () => clearTimeout(t);
  },
};

const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 60_000;
/** Records held while the disk refuses them; beyond this the oldest go (and that is counted). */
const MAX_PENDING = 10_000;

/**
 * The door's entry log as the door uses it: a write never throws and never
 * holds up the next patron. When the disk refuses a record (full, read
 * only, locked) the record is kept in memory with its real time, the
 * failure is logged and counted once (an alarm on /metrics), and the
 * records are written, in order, as soon as the disk takes them again;
 * the gap itself is then logged as an alarm for the morning report.
 */
export class EntryRecorder {
  private readonly pending: EntryRecord[] = [];
  private failingSince: Date | undefined;
  private retryMs = FIRST_RETRY_MS;
  private cancelRetry: (() => void) | undefined;
  private dropped = 0;

  constructor(
    private readonly log: EntryLog | undefined,
    private readonly metrics: KioskMetrics,
    private readonly logger: Logger,
    private readonly timer: RetryTimer = realTimer,
  ) {}

  attempt(at: Date, card: string | undefined, outcome: 'granted' | 'denied', reason?: string): void {
    this.record({ type: 'attempt', at, card, outcome, ...(reason === undefined ? {} : { reason }) });
  }

  alarm(at: Date, kind: string): void {
    this.record({ type: 'alarm', at, kind });
  }

  /** Records waiting for the disk (0 when all is written). */
  waiting(): number {
    return this.pending.length;
  }

  stop(): void {
    this.cancelRetry?.();
    this.cancelRetry = undefined;
  }

  private record(r: EntryRecord): void {
    if (!this.log) return;
    this.pending.push(r);
    if (this.pending.length > MAX_PENDING) {
      this.pending.shift();
      this.dropped++;
    }
    // Behind earlier records that still wait: keep the order, let the retry write it.
    if (this.failingSince === undefined) this.flush();
  }

  private flush(): void {
    const log = this.log!;
    while (this.pending.length > 0) {
      const r = this.pending[0]!;
      try {
        if (r.type === 'attempt') log.attempt(r.at, r.card, r.outcome, r.reason);
        else log.alarm(r.at, r.kind);
      } catch (e) {
        return this.failed(e, r.at);
      }
      this.pending.shift();
    }
    if (this.failingSince !== undefined) this.recovered(log);
  }

  /** `since`: the time of the first record the disk refused, on the door's clock like the entries around it. */
  private failed(e: unknown, since: Date): void {
    if (this.failingSince === undefined) {
      this.failingSince = since;
      this.metrics.error('door.log-write');
      this.logger.error(
        { err: e instanceof Error ? e.message : String(e), waiting: this.pending.length },
        'entry log write failed: entries kept in memory and retried; the door carries on',
      );
    }
    this.cancelRetry = this.timer.after(this.retryMs, () => {
      this.cancelRetry = undefined;
      this.flush();
    });
    this.retryMs = Math.min(this.retryMs * 2, LONGEST_RETRY_MS);
  }

  private recovered(log: EntryLog): void {
    const since = this.failingSince!;
    this.failingSince = undefined;
    this.retryMs = FIRST_RETRY_MS;
    this.logger.warn(
      { since: since.toISOString(), dropped: this.dropped },
      'entry log writes resumed; the entries kept meanwhile are written',
    );
    try {
      // For the morning report: from when to when the log could not be written (entries may have been dropped).
      log.alarm(since, this.dropped > 0 ? 'log-gap-dropped' : 'log-gap');
      this.dropped = 0;
    } catch {
      // The disk failed again at once: the next record starts a new streak.
    }
  }
}
