import type { DoorConfig } from '../../shared/config/door.ts';
import type { ContactState, RelayOutput } from '../../shared/devices/door.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import type { KioskMetrics } from '../metrics/kiosk-metrics.ts';
import { type ClosingAction, ClosingWatch } from './closing.ts';
import type { EntryLog } from './entry-log.ts';

/** How often the watch looks at the clock, and how long an announcement stays on screen. */
const TICK_MS = 10_000;
const ANNOUNCEMENT_SHOWN_MS = 60_000;

export interface BranchClosingDeps {
  readonly rules: DoorConfig;
  readonly timeZone: string;
  readonly log: EntryLog | undefined;
  readonly metrics: KioskMetrics;
  readonly logger: Logger;
  readonly lights?: readonly RelayOutput[] | undefined;
  readonly alarmArm?: readonly RelayOutput[] | undefined;
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

  constructor(private readonly d: BranchClosingDeps) {
    this.watch = new ClosingWatch(d.rules.schedule, d.timeZone, d.rules.closing.announceMinutes);
    this.timer = setInterval(() => this.check(), TICK_MS);
    this.timer.unref();
  }

  onAnnouncement(listener: (a: { minutes: number }) => void): Unsubscribe {
    return this.announcements.on('announcement', listener);
  }

  /** The door view's part: the announcement showing and the evacuation warning. */
  view(): {
    announcement?: { key: string; minutes: number };
    evacuation?: { doorOpen: boolean; recentEntries: number; windowMinutes: number };
  } {
    return {
      ...(this.announcement ? { announcement: { key: 'door.closingIn', minutes: this.announcement.minutes } } : {}),
      ...(this.evacuation ? { evacuation: this.evacuation } : {}),
    };
  }

  check(): void {
    const now = this.d.now();
    if (this.announcement && this.announcement.until <= now.getTime()) {
      this.announcement = undefined;
      this.d.changed();
    }
    for (const action of this.watch.tick(now)) this.perform(action, now);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private perform(action: ClosingAction, now: Date): void {
    const d = this.d;
    if (action.type === 'announce') {
      this.announcement = { minutes: action.minutes, until: now.getTime() + ANNOUNCEMENT_SHOWN_MS };
      this.announcements.emit('announcement', { minutes: action.minutes });
      d.logger.info({ minutes: action.minutes }, 'closing announcement');
    } else if (action.type === 'closed') {
      this.switchAll(d.lights, false);
      this.switchAll(d.alarmArm, true);
      // The entry log holds real times, so "came in within the window" is measured on the real clock.
      const since = new Date(d.auditNow().getTime() - d.rules.closing.evacuationWindowMinutes * 60_000);
      const check = {
        doorOpen: d.contact() === 'open',
        recentEntries: d.log?.grantsSince(since) ?? 0,
        windowMinutes: d.rules.closing.evacuationWindowMinutes,
      };
      if (check.doorOpen || check.recentEntries > 0) {
        this.evacuation = check;
        d.log?.alarm(d.auditNow(), 'evacuation');
        d.metrics.doorAlarm('evacuation');
        d.logger.warn(check, 'closing: someone may still be inside');
      }
      d.logger.info('branch closed: lights off, alarm armed');
    } else {
      this.switchAll(d.lights, true);
      this.switchAll(d.alarmArm, false);
      this.evacuation = undefined;
      d.logger.info('branch opened: lights on, alarm disarmed');
    }
    d.changed();
  }

  private switchAll(outputs: readonly RelayOutput[] | undefined, on: boolean): void {
    for (const o of outputs ?? [])
      void o.set(on).catch((e: Error) => this.d.logger.error({ output: o.id, err: e.message }, 'relay output failed'));
  }
}
