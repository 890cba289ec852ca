import type { Logger } from '../../shared/logger.ts';

/** A timer for the summary, injectable so tests flush it without waiting. */
export interface SummaryTimer {
  after(ms: number, run: () => void): void;
}

const realTimer: SummaryTimer = {
  after: (ms, run) => void setTimeout(run, ms).unref(),
};

const WINDOW_MS = 10_000;

/**
 * Refused bridge messages, logged without letting a flood fill the disk:
 * the first refusal of each kind in a window is logged at once (with its
 * reason, never the payload), the rest of the window's refusals of that
 * kind are only counted and logged as one summary line with the count
 * when the window ends. 50,000 refusals in a few seconds make a handful of
 * lines, not 50,000.
 */
export class RefusalLog {
  private readonly suppressed = new Map<string, { count: number; peers: Set<string> }>();
  private readonly seen = new Set<string>();
  private windowOpen = false;

  constructor(
    private readonly logger: Logger,
    private readonly timer: SummaryTimer = realTimer,
    private readonly windowMs = WINDOW_MS,
  ) {}

  refused(kind: string, reason: string, peer: string): void {
    if (!this.windowOpen) {
      this.windowOpen = true;
      this.timer.after(this.windowMs, () => this.summarize());
    }
    if (!this.seen.has(kind)) {
      this.seen.add(kind);
      this.logger.warn({ kind, reason, peer }, 'bridge message refused');
      return;
    }
    const s = this.suppressed.get(kind) ?? { count: 0, peers: new Set<string>() };
    s.count++;
    if (s.peers.size < 10) s.peers.add(peer);
    this.suppressed.set(kind, s);
  }

  /** Ends the window: one line per kind that was refused more than once in it. */
  summarize(): void {
    for (const [kind, s] of this.suppressed) {
      this.logger.warn(
        { kind, count: s.count, peers: [...s.peers], seconds: this.windowMs / 1000 },
        'more bridge messages refused (counted, not logged each)',
      );
    }
    this.suppressed.clear();
    this.seen.clear();
    this.windowOpen = false;
  }
}
