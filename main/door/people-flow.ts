import type { DoorConfig } from '../../shared/config/door.ts';
import type { PassDirection, PeopleCounter } from '../../shared/devices/counter.ts';
import type { RelayOutput } from '../../shared/devices/door.ts';
import type { Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import type { KioskMetrics } from '../metrics/kiosk-metrics.ts';
import { DoorCycles, type TailgateEvent } from './door-cycles.ts';
import { Occupancy } from './occupancy.ts';
import type { OpsLog } from './ops-log.ts';
import type { BranchMode } from './schedule.ts';

const TICK_MS = 1000;
/** A remote unlock or a cycle with no door contact is over this long after its last grant or entry. */
const IDLE_CYCLE_MS = 60_000;
const WARNING_SHOWN_MS = 15_000;

export interface PeopleFlowDeps {
  readonly rules: DoorConfig;
  readonly counter: PeopleCounter | undefined;
  readonly cameras: readonly RelayOutput[];
  readonly ops: OpsLog | undefined;
  readonly metrics: KioskMetrics;
  readonly logger: Logger;
  /** The schedule's clock (door cycles, the branch's mode by it) and the real time for records. */
  now(): Date;
  auditNow(): Date;
  mode(): BranchMode;
  changed(): void;
}

/**
 * Who is inside and who came in behind whom, from the people counter:
 * occupancy (reset when the branch opens staffed), entries per door cycle
 * and the tailgates they reveal (entry log, metrics, door screen, the
 * card's count), and the camera-trigger pulses for the CCTV recorder.
 */
export class PeopleFlow {
  private readonly occupancy = new Occupancy();
  private readonly cycles: DoorCycles;
  private readonly off: Unsubscribe | undefined;
  private readonly timer: NodeJS.Timeout;
  private lastMode: BranchMode;
  private warning: { followers: number; until: number } | undefined;

  constructor(private readonly d: PeopleFlowDeps) {
    this.cycles = new DoorCycles({ settleMs: d.rules.tailgating.settleSeconds * 1000, idleMs: IDLE_CYCLE_MS });
    this.lastMode = d.mode();
    this.off = d.counter?.onPass((direction) => this.passed(direction));
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  /** null: no people counter, occupancy unknown. */
  value(): number | null {
    return this.d.counter ? this.occupancy.value : null;
  }

  granted(cardHash: string | undefined): void {
    this.report(this.cycles.grant(this.d.now(), cardHash));
    if (!this.d.counter) this.camera();
  }

  doorOpened(): void {
    this.cycles.doorOpened(this.d.now());
  }

  doorClosed(): void {
    this.cycles.doorClosed(this.d.now());
  }

  forced(): void {
    this.camera();
  }

  /** Policy `count`: the card let others in too often lately. */
  overTailgateLimit(cardHash: string): boolean {
    const t = this.d.rules.tailgating;
    if (t.action !== 'count' || !this.d.ops) return false;
    const since = new Date(this.d.auditNow().getTime() - t.countDays * 86_400_000);
    return this.d.ops.tailgatesOf(cardHash, since) >= t.countLimit;
  }

  /** The door screen's part: a warning after a tailgate, with policy `warn` or `count`. */
  view(): { occupancy?: number; tailgate?: { followers: number } } {
    const value = this.value();
    const showing = this.warning && this.warning.until > this.d.now().getTime() ? this.warning : undefined;
    return { ...(value === null ? {} : { occupancy: value }), ...(showing ? { tailgate: { followers: showing.followers } } : {}) };
  }

  tick(): void {
    const mode = this.d.mode();
    if (mode !== this.lastMode) {
      this.lastMode = mode;
      if (mode === 'staffed' && this.occupancy.value !== 0) {
        this.d.logger.info({ was: this.occupancy.value }, 'branch opened staffed: occupancy set to 0');
        this.occupancy.reset();
        this.d.metrics.occupancy(0);
        this.d.changed();
      }
    }
    if (this.warning && this.warning.until <= this.d.now().getTime()) {
      this.warning = undefined;
      this.d.changed();
    }
    this.report(this.cycles.tick(this.d.now()));
  }

  stop(): void {
    clearInterval(this.timer);
    this.off?.();
  }

  private passed(direction: PassDirection): void {
    const count = this.occupancy.passed(direction);
    this.d.metrics.personPassed(direction, count);
    const { ended } = this.cycles.passed(direction, this.d.now());
    this.report(ended);
    if (direction === 'in') this.camera();
    this.d.changed();
  }

  private report(tailgate: TailgateEvent | undefined): void {
    if (!tailgate) return;
    const d = this.d;
    d.ops?.tailgate(d.auditNow(), tailgate.cardHash, tailgate.followers);
    d.metrics.doorTailgate(tailgate.followers);
    d.metrics.doorAlarm('tailgate');
    // The card as the entry log keys it: never the number.
    d.logger.warn({ card: tailgate.cardHash ?? null, entries: tailgate.entries, grants: tailgate.grants }, 'door: tailgate');
    this.camera();
    if (d.rules.tailgating.action !== 'log') this.warning = { followers: tailgate.followers, until: d.now().getTime() + WARNING_SHOWN_MS };
    d.changed();
  }

  private camera(): void {
    const ms = this.d.rules.cameraPulseMs;
    for (const output of this.d.cameras) {
      void output
        .set(true)
        .then(() => new Promise((r) => setTimeout(r, ms)))
        .finally(() => output.set(false))
        .catch((e: Error) => this.d.logger.error({ output: output.id, err: e.message }, 'camera trigger failed'));
    }
  }
}
