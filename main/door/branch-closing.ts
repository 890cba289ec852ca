import type { DoorConfig } from '../../shared/config/door.ts';
import type { ContactState, RelayOutput } from '../../shared/devices/door.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import type { KioskMetrics, LockupState } from '../metrics/kiosk-metrics.ts';
import { type ClosingAction, ClosingWatch } from './closing.ts';
import type { EntryLog } from './entry-log.ts';
import type { EntryRecorder } from './entry-recorder.ts';

/** How often the watch looks at the clock, and how long an announcement stays on screen. */
const TICK_MS = 10_000;
const ANNOUNCEMENT_SHOWN_MS = 60_000;

export interface BranchClosingDeps {
  readonly rules: DoorConfig;
  readonly timeZone: string;
  /** Read for "who came in shortly before closing". */
  readonly log: EntryLog | undefined;
  /** Where the evacuation alarm is written: never throws, retried when the disk refuses it. */
  readonly recorder: Pick<EntryRecorder, 'alarm'>;
  readonly metrics: KioskMetrics;
  readonly logger: Logger;
  readonly lights?: readonly RelayOutput[] | undefined;
  readonly alarmArm?: readonly RelayOutput[] | undefined;
  /** People inside by the people counter; null without one (then the branch is armed at closing as before). */
  occupancy?(): number | null;
  /** The schedule's clock (demo mode's simulator can set it). */
  now(): Date;
  /** The real time, for the entry log and the evacuation window. */
  auditNow(): Date;
  contact(): ContactState;
  /** Something on the door screen changed. */
  changed(): void;
}

/**
 * What a closing does, on the kiosk's clock: the announcements before it,
 * and at the moment itself lights off, alarm armed and the evacuation
 * check (door left open, or people let in shortly before); at opening the
 * reverse. Relay failures are logged; they never stop the door.
 */
export class BranchClosing {
  private readonly watch: ClosingWatch;
  private readonly timer: NodeJS.Timeout;
  private readonly announcements = new Emitter<{ announcement: { minutes: number } }>();
  private announcement: { minutes: number; until: number } | undefined;
  private evacuation: { doorOpen: boolean; recentEntries: number; windowMinutes: number } | undefined;
  private state: LockupState = 'open';
  /** Closed with people inside: since when, and how many times "please leave" was said. */
  private waiting: { since: number; lastSaid: number; round: number } | undefined;

  constructor(private readonly d: BranchClosingDeps) {
    this.watch = new ClosingWatch(d.rules.schedule, d.timeZone, d.rules.closing.announceMinutes);
    // A failing closing step is logged; it must never take the process (and the door) down from a timer.
    this.timer = setInterval(() => {
      try {
        this.check();
      } catch (e) {
        d.logger.error({ err: e instanceof Error ? e.message : String(e) }, 'closing check failed');
      }
    }, TICK_MS);
    this.timer.unref();
  }

  onAnnouncement(listener: (a: { minutes: number }) => void): Unsubscribe {
    return this.announcements.on('announcement', listener);
  }

  /** The door view's part: the announcement showing and the evacuation warning. */
  view(): {
    announcement?: { key: string; minutes: number };
    evacuation?: { doorOpen: boolean; recentEntries: number; windowMinutes: number };
    pleaseLeave?: { round: number };
  } {
    return {
      ...(this.announcement ? { announcement: { key: 'door.closingIn', minutes: this.announcement.minutes } } : {}),
      ...(this.evacuation ? { evacuation: this.evacuation } : {}),
      ...(this.waiting ? { pleaseLeave: { round: this.waiting.round } } : {}),
    };
  }

  lockup(): LockupState {
    return this.state;
  }

  check(): void {
    const now = this.d.now();
    if (this.announcement && this.announcement.until <= now.getTime()) {
      this.announcement = undefined;
      this.d.changed();
    }
    for (const action of this.watch.tick(now)) this.perform(action, now);
    if (this.waiting) this.keepWaiting(now);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Staff cleared the alarm: the evacuation notice goes. */
  clear(): void {
    this.evacuation = undefined;
  }

  private perform(action: ClosingAction, now: Date): void {
    const d = this.d;
    if (action.type === 'announce') {
      this.announcement = { minutes: action.minutes, until: now.getTime() + ANNOUNCEMENT_SHOWN_MS };
      this.announcements.emit('announcement', { minutes: action.minutes });
      d.logger.info({ minutes: action.minutes }, 'closing announcement');
    } else if (action.type === 'closed') {
      const inside = d.occupancy?.() ?? null;
      if (inside !== null && inside > 0) this.startWaiting(now, inside);
      else this.arm('branch closed: lights off, alarm armed');
      // The entry log holds real times, so "came in within the window" is measured on the real clock.
      const since = new Date(d.auditNow().getTime() - d.rules.closing.evacuationWindowMinutes * 60_000);
      const check = {
        doorOpen: d.contact() === 'open',
        recentEntries: this.grantsSince(since),
        windowMinutes: d.rules.closing.evacuationWindowMinutes,
      };
      if (check.doorOpen || check.recentEntries > 0) {
        this.evacuation = check;
        d.recorder.alarm(d.auditNow(), 'evacuation');
        d.metrics.doorAlarm('evacuation');
        d.logger.warn(check, 'closing: someone may still be inside');
      }
    } else {
      this.switchAll(d.lights, true);
      this.switchAll(d.alarmArm, false);
      this.evacuation = undefined;
      this.waiting = undefined;
      this.setState('open');
      d.logger.info('branch opened: lights on, alarm disarmed');
    }
    d.changed();
  }

  /** Entries since an instant; an unreadable log counts as "maybe someone", never as a crash at closing time. */
  private grantsSince(since: Date): number {
    try {
      return this.d.log?.grantsSince(since) ?? 0;
    } catch (e) {
      this.d.logger.error({ err: e instanceof Error ? e.message : String(e) }, 'entry log unreadable at closing');
      return 1;
    }
  }

  /** Closed, but the counter says people are inside: "please leave", an alert, and no arming yet. */
  private startWaiting(now: Date, inside: number): void {
    this.waiting = { since: now.getTime(), lastSaid: now.getTime(), round: 1 };
    this.setState('waiting');
    this.d.recorder.alarm(this.d.auditNow(), 'occupied-at-closing');
    this.d.metrics.doorAlarm('occupied-at-closing');
    this.d.logger.warn({ inside }, 'closing: people inside, alarm not armed yet');
  }

  private keepWaiting(now: Date): void {
    const w = this.waiting!;
    const c = this.d.rules.closing;
    if ((this.d.occupancy?.() ?? 0) === 0) {
      this.arm('branch empty: lights off, alarm armed');
    } else if (now.getTime() - w.since >= c.lockupGraceMinutes * 60_000) {
      this.d.recorder.alarm(this.d.auditNow(), 'occupied-at-lockup');
      this.d.metrics.doorAlarm('occupied-at-lockup');
      this.arm('grace over: alarm armed with people counted inside');
    } else if (now.getTime() - w.lastSaid >= c.repeatMinutes * 60_000) {
      w.lastSaid = now.getTime();
      w.round += 1;
      this.d.changed();
    }
  }

  private arm(message: string): void {
    this.waiting = undefined;
    this.switchAll(this.d.lights, false);
    this.switchAll(this.d.alarmArm, true);
    this.setState('armed');
    this.d.logger.info(message);
    this.d.changed();
  }

  private setState(state: LockupState): void {
    this.state = state;
    this.d.metrics.lockup(state);
  }

  private switchAll(outputs: readonly RelayOutput[] | undefined, on: boolean): void {
    for (const o of outputs ?? [])
      void o.set(on).catch((e: Error) => this.d.logger.error({ output: o.id, err: e.message }, 'relay output failed'));
  }
}
