import { monotonicTicker, type Ticker } from './ticker.ts';

export interface WatchdogTarget {
  /** The entry step now, a count that changes whenever a step is (re-)entered, and whether the machine is still running at all. */
  step(): { readonly name: string; readonly seq: number; readonly running: boolean };
  /** Ask the machine back to idle (through a release of the lock). */
  reset(): void;
  /** Throw the machine away and start a fresh one (the lock released first). */
  restart(reason: string): void;
  /** Restarting does not help: the process must end so the supervisor starts it afresh. */
  fatal(reason: string): void;
}

const TICK_MS = 1000;
/** More restarts than this within the window means the fault is not in one stuck entry. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 10 * 60_000;

/**
 * Watches the door machine from outside it: an entry that stays in one
 * non-idle step longer than any step may (the machine's own timers have
 * failed) is sent back to idle; one that still does not move, or a machine
 * that has stopped, is replaced by a fresh machine; and when replacing it
 * keeps happening, the process ends (the lock released first) so systemd
 * starts a clean one.
 */
export class DoorWatchdog {
  private current: { name: string; seq: number; since: number; resets: number } | undefined;
  private restarts: number[] = [];
  private readonly stopTicking: () => void;

  constructor(
    private readonly target: WatchdogTarget,
    /** The longest any single step may last. */
    private readonly limitMs: number,
    private readonly clock: Ticker = monotonicTicker,
  ) {
    this.stopTicking = clock.every(TICK_MS, () => this.tick());
  }

  /** Looks at the machine now (also called on every tick). */
  tick(): void {
    const now = this.clock.now();
    const { name, seq, running } = this.target.step();
    if (!running) return this.restart(now, 'the door machine stopped');
    if (name === 'idle') {
      this.current = undefined;
      return;
    }
    // A step entered since the last look: the door is moving. After a reset (which re-enters the step), only leaving it counts.
    const moved = this.current !== undefined && this.current.seq !== seq && (this.current.resets === 0 || this.current.name !== name);
    if (this.current === undefined || moved) {
      this.current = { name, seq, since: now, resets: 0 };
      return;
    }
    if (now - this.current.since < this.limitMs) return;
    if (this.current.resets === 0) {
      this.current = { name, seq, since: now, resets: 1 };
      this.target.reset();
      return;
    }
    this.restart(now, `stuck in ${name}`);
  }

  stop(): void {
    this.stopTicking();
  }

  private restart(now: number, reason: string): void {
    this.current = undefined;
    this.restarts = [...this.restarts.filter((t) => now - t < RESTART_WINDOW_MS), now];
    if (this.restarts.length > MAX_RESTARTS) return this.target.fatal(`${reason}; restarted ${MAX_RESTARTS} times within 10 minutes`);
    this.target.restart(reason);
  }
}
