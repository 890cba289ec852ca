import { type Actor, createActor, fromCallback, fromPromise } from 'xstate';
import type { DoorConfig } from '../../shared/config/door.ts';
import type { DoorEvent, DoorView } from '../../shared/contract/door-view.ts';
import type { CardReader, PinPad } from '../../shared/devices/card.ts';
import type { PeopleCounter } from '../../shared/devices/counter.ts';
import type { DoorLock, DoorSensor, LockState, RelayOutput } from '../../shared/devices/door.ts';
import type { CentralSystem } from '../../shared/domain/central.ts';
import { OpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import type { DoorControl } from '../core/ports.ts';
import { type DoorDecision, type DoorEntryEvent, doorEntryMachine } from '../machines/door-entry.ts';
import type { KioskMetrics, LockupState } from '../metrics/kiosk-metrics.ts';
import { BranchClosing } from './branch-closing.ts';
import { decideEntry } from './decide.ts';
import { type ScheduleClock, wallClock } from './door-clock.ts';
import type { EntryCache } from './entry-cache.ts';
import type { EntryLog } from './entry-log.ts';
import type { Lockdown, OpsLog } from './ops-log.ts';
import { PeopleFlow } from './people-flow.ts';
import { modeAt, nextChangeMemo, nextStaffedMemo } from './schedule.ts';

export interface DoorControllerDeps {
  readonly rules: DoorConfig;
  readonly timeZone: string;
  readonly central: CentralSystem;
  readonly lock: DoorLock | undefined;
  readonly sensor: DoorSensor | undefined;
  readonly alarmOutputs: readonly RelayOutput[];
  /** Card readers at the door and a PIN keypad (a door-only install has no screen). */
  readonly cardReaders?: readonly CardReader[];
  readonly pinPad?: PinPad | undefined;
  /** Relay outputs with role `door-lamp`: lit while the door is open to the patron, three blinks on a refusal. */
  readonly lamps?: readonly RelayOutput[];
  /** The door terminal says refusals and announcements aloud. */
  readonly speak?: boolean;
  /** Relay outputs switched at closing and opening: `lights` off / on, `alarm-arm` on / off. */
  readonly lights?: readonly RelayOutput[] | undefined;
  readonly alarmArm?: readonly RelayOutput[] | undefined;
  /** The people counter at the entrance (occupancy, tailgating, lock-up only when empty). */
  readonly counter?: PeopleCounter | undefined;
  /** Relay outputs with role `camera-trigger`: pulsed on each entry, tailgate and forced door. */
  readonly cameras?: readonly RelayOutput[] | undefined;
  readonly log: EntryLog | undefined;
  /** Staff actions, the lockdown and tailgates (same file as the entry log). */
  readonly ops?: OpsLog | undefined;
  /** Offline entry: patrons who entered recently (undefined: the door says it cannot check while offline). */
  readonly cache?: EntryCache | undefined;
  readonly metrics: KioskMetrics;
  readonly logger: Logger;
  /** The time the opening hours are judged at: the wall clock, or demo mode's settable clock. */
  readonly clock?: ScheduleClock;
  /** The time written to the entry log and alarms: always the real time (tests fix it). */
  readonly auditNow?: () => Date;
}

/**
 * The door of an unstaffed branch: runs the door-entry machine with the
 * real lock, contact and central system, and projects it for the door
 * screen. Opening hours are judged on the schedule clock (only demo mode
 * can move it); the entry log always gets the real time.
 */
export class DoorController implements DoorControl {
  readonly actor: Actor<typeof doorEntryMachine>;
  private readonly views = new Emitter<{ view: DoorView }>();
  private readonly clock: ScheduleClock;
  private readonly auditNow: () => Date;
  private lockState: LockState = 'locked';
  private readonly failures = new Map<string, { count: number; until: number }>();
  private readonly unsubscribes: Unsubscribe[] = [];
  private readonly closing: BranchClosing;
  private readonly flow: PeopleFlow;
  private readonly nextChange: ReturnType<typeof nextChangeMemo>;
  private readonly nextStaffed: ReturnType<typeof nextStaffedMemo>;
  /** When the PIN time limit last started (real time): the screen counts down to it. */
  private pinSince = 0;
  private lockdown: Lockdown | undefined;

  constructor(private readonly deps: DoorControllerDeps) {
    const d = deps;
    this.clock = d.clock ?? wallClock;
    this.auditNow = d.auditNow ?? (() => new Date());
    const machine = doorEntryMachine.provide({
      actors: {
        decide: fromPromise(({ input }) => this.decide(input.card, input.pin)),
        unlock: fromPromise(async ({ input }) => {
          if (!d.lock) throw new Error('no door lock configured');
          this.setLock('unlocked');
          try {
            await d.lock.pulse(input.ms ?? d.rules.pulseMs);
          } finally {
            this.setLock('locked');
            this.lamps(false);
          }
        }),
        lock: fromPromise(async () => {
          await d.lock?.release();
          this.setLock('locked');
        }),
        contactEvents: fromCallback(({ sendBack }) => {
          if (!d.sensor) return () => {};
          const emit = (s: string) => {
            if (s === 'open') this.flow.doorOpened();
            else this.flow.doorClosed();
            sendBack({ type: s === 'open' ? 'door.opened' : 'door.closed' });
          };
          if (d.sensor.current() !== 'unknown') emit(d.sensor.current());
          return d.sensor.onChange((s) => s !== 'unknown' && emit(s));
        }),
        alarmOutput: fromCallback(() => {
          for (const o of d.alarmOutputs) void o.set(true).catch(() => undefined);
          return () => {
            for (const o of d.alarmOutputs) void o.set(false).catch(() => undefined);
          };
        }),
      },
      actions: {
        logGranted: ({ context }) => {
          this.lamps(true);
          this.flow.granted(context.card === undefined ? undefined : d.log?.cardHash(context.card));
          d.log?.attempt(this.auditNow(), context.card, 'granted');
          d.metrics.doorGranted();
          d.logger.info('door: entry granted');
        },
        logDenied: ({ context }) => {
          void this.blink();
          d.log?.attempt(this.auditNow(), context.card, 'denied', context.reason);
          d.metrics.doorDenied(context.reason ?? 'error');
          d.logger.info({ reason: context.reason }, 'door: entry denied');
        },
        logRemote: () => this.flow.granted(undefined),
        logAlarm: ({ context }) => {
          if (context.alarm === 'forced') this.flow.forced();
          d.log?.alarm(this.auditNow(), context.alarm ?? 'unknown');
          d.metrics.doorAlarm(context.alarm ?? 'unknown');
          d.logger.warn({ alarm: context.alarm }, 'door alarm');
        },
      },
    });
    this.actor = createActor(machine, {
      input: {
        timing: {
          pinTimeoutMs: d.rules.pinTimeoutSeconds * 1000,
          heldOpenMs: d.rules.heldOpenSeconds * 1000,
          resultMs: 4000,
          maxPinLength: 12,
        },
      },
    });
    this.nextChange = nextChangeMemo(d.rules.schedule, d.timeZone);
    this.nextStaffed = nextStaffedMemo(d.rules.schedule, d.timeZone);
    this.lockdown = d.ops?.lockdown();
    this.flow = new PeopleFlow({
      rules: d.rules,
      counter: d.counter,
      cameras: d.cameras ?? [],
      ops: d.ops,
      metrics: d.metrics,
      logger: d.logger,
      now: () => this.now(),
      auditNow: this.auditNow,
      mode: () => modeAt(d.rules.schedule, d.timeZone, this.now()),
      changed: () => this.publish(),
    });
    this.closing = new BranchClosing({
      ...d,
      now: () => this.now(),
      auditNow: this.auditNow,
      contact: () => this.actor.getSnapshot().context.contact,
      occupancy: () => this.flow.value(),
      changed: () => this.publish(),
    });
    let wasPin = false;
    this.actor.subscribe({
      next: (snap) => {
        const isPin = (snap.value as { entry: string }).entry === 'pin';
        if (isPin && !wasPin) this.pinSince = Date.now();
        wasPin = isPin;
        this.publish();
      },
      error: (e) => d.logger.error({ err: String(e) }, 'door machine failed'),
    });
    this.actor.start();
    for (const reader of d.cardReaders ?? [])
      this.unsubscribes.push(reader.onCard((c) => this.actor.send({ type: 'card.read', number: c.number })));
    if (d.pinPad) this.unsubscribes.push(d.pinPad.onPin((p) => this.actor.send({ type: 'pin.entered', pin: p.pin })));
    this.closing.check();
    if (this.clock.onJump)
      this.unsubscribes.push(
        this.clock.onJump(() => {
          this.closing.check();
          this.flow.tick();
          this.publish();
        }),
      );
    // Fail secure from the first moment: whatever the relay did before, it is released now.
    void d.lock?.release().catch((e: Error) => d.logger.error({ err: e.message }, 'door lock could not be released at start'));
  }

  /** The schedule's time (the wall clock outside demo mode). */
  now(): Date {
    return this.clock.now();
  }

  /** "The library closes in N minutes", for the self-service screens as well. */
  onAnnouncement(listener: (a: { minutes: number }) => void): Unsubscribe {
    return this.closing.onAnnouncement(listener);
  }

  private async decide(card: string, pin: string): Promise<DoorDecision> {
    const d = this.deps;
    const now = this.now();
    const hash = d.log?.cardHash(card) ?? card;
    if (this.lockdown) return { grant: false, reason: 'lockdown' };
    if (this.flow.overTailgateLimit(hash)) return { grant: false, reason: 'tailgating' };
    const failure = this.failures.get(hash);
    if (failure && failure.until > now.getTime()) return { grant: false, reason: 'locked-out' };
    const decision = await decideEntry({ central: d.central, rules: d.rules, timeZone: d.timeZone, card, pin, at: now, cache: d.cache });
    const reason = decision.grant ? undefined : decision.reason;
    if (reason === 'wrong-pin') {
      const count = (failure?.count ?? 0) + 1;
      this.failures.set(hash, { count, until: count >= d.rules.pinTries ? now.getTime() + d.rules.lockoutMinutes * 60_000 : 0 });
      return { grant: false, reason: count >= d.rules.pinTries ? 'locked-out' : 'wrong-pin' };
    }
    // A right PIN clears the count; a failure to check says nothing about the PIN.
    if (reason === undefined || !['empty-pin', 'offline', 'error'].includes(reason)) this.failures.delete(hash);
    return decision;
  }

  /**
   * On-call staff open the lock once for `ms` (staff API). Refused while the
   * door is locked down, deciding or already open: staff see why and retry.
   */
  remoteUnlock(ms: number): void {
    if (!this.deps.lock) throw new OpenBranchError('door.no-lock', 'this door has no lock configured');
    if (this.lockdown) throw new OpenBranchError('door.locked-down', 'the door is locked down: clear the lockdown first');
    const entry = (this.actor.getSnapshot().value as { entry: string }).entry;
    if (!['idle', 'pin', 'denied'].includes(entry)) throw new OpenBranchError('door.busy', `the door is busy (${entry}); try again`);
    this.actor.send({ type: 'remote.unlock', ms });
  }

  /** Lock down (no entries at all until cleared) or clear it; kept on disk so a restart does not lift it. */
  setLockdown(value: Lockdown | undefined): void {
    this.lockdown = value;
    this.deps.ops?.setLockdown(value && { since: new Date(value.since), who: value.who, reason: value.reason });
    if (value) void this.deps.lock?.release().catch((e: Error) => this.deps.logger.error({ err: e.message }, 'lock release failed'));
    this.publish();
  }

  lockdownState(): Lockdown | undefined {
    return this.lockdown;
  }

  /** People inside by the people counter; null without one. */
  occupancy(): number | null {
    return this.flow.value();
  }

  lockup(): LockupState {
    return this.closing.lockup();
  }

  /** Staff silence the alarm sounding now and the closing's evacuation notice. */
  clearAlarm(): void {
    this.actor.send({ type: 'alarm.clear' });
    this.closing.clear();
    this.publish();
  }

  private lamps(on: boolean): void {
    for (const lamp of this.deps.lamps ?? []) void lamp.set(on).catch(() => undefined);
  }

  /** Three short blinks: "no" for a door with no screen. */
  private async blink(): Promise<void> {
    if (!this.deps.lamps?.length) return;
    for (let i = 0; i < 3; i++) {
      this.lamps(true);
      await new Promise((r) => setTimeout(r, 200));
      this.lamps(false);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  private setLock(state: LockState): void {
    this.lockState = state;
    this.publish();
  }

  view(): DoorView {
    const snap = this.actor.getSnapshot();
    const c = snap.context;
    const entry = (snap.value as { entry: string }).entry;
    const now = this.now();
    const next = this.nextChange(now);
    const staffed = this.nextStaffed(now);
    const step: DoorView['step'] = c.alarm
      ? 'alarm'
      : entry === 'pin'
        ? 'pin'
        : entry === 'checking'
          ? 'checking'
          : entry === 'granted' || entry === 'passing'
            ? 'granted'
            : entry === 'denied'
              ? 'denied'
              : 'idle';
    return {
      step,
      mode: modeAt(this.deps.rules.schedule, this.deps.timeZone, now),
      ...(c.reason && step === 'denied' ? { reason: c.reason } : {}),
      pinLength: c.pin.length,
      ...(c.alarm ? { alarm: c.alarm } : {}),
      contact: c.contact,
      lock: this.lockState,
      ...(next ? { nextChange: { at: next.at.toISOString(), mode: next.mode } } : {}),
      ...(staffed ? { nextStaffed: { from: staffed.from.toISOString(), to: staffed.to.toISOString() } } : {}),
      ...(step === 'pin' ? { pinDeadline: new Date(this.pinSince + this.deps.rules.pinTimeoutSeconds * 1000).toISOString() } : {}),
      offline: this.deps.central.health() === 'offline',
      lockdown: this.lockdown !== undefined,
      ...this.flow.view(),
      ...this.closing.view(),
      speak: this.deps.speak ?? false,
    };
  }

  onView(listener: (view: DoorView) => void): Unsubscribe {
    return this.views.on('view', listener);
  }

  dispatch(event: DoorEvent): void {
    switch (event.type) {
      case 'door.card':
        this.actor.send({ type: 'card.read', number: event.number });
        return;
      case 'door.digit':
        this.pinActivity({ type: 'pin.digit', digit: event.digit });
        return;
      case 'door.erase':
        this.pinActivity({ type: 'pin.erase' });
        return;
      case 'door.clear':
        this.pinActivity({ type: 'pin.clear' });
        return;
      case 'door.more':
        this.pinActivity({ type: 'pin.more' });
        return;
      case 'door.submit':
        this.actor.send({ type: 'pin.submit' });
        return;
      case 'door.cancel':
        this.actor.send({ type: 'entry.cancel' });
        return;
    }
  }

  /** A key while the PIN is asked for: the machine restarts its time limit, and so does the screen's countdown. */
  private pinActivity(event: Extract<DoorEntryEvent, { type: 'pin.digit' | 'pin.erase' | 'pin.clear' | 'pin.more' }>): void {
    if ((this.actor.getSnapshot().value as { entry: string }).entry === 'pin') this.pinSince = Date.now();
    this.actor.send(event);
  }

  async stop(): Promise<void> {
    this.closing.stop();
    this.flow.stop();
    for (const off of this.unsubscribes.splice(0)) off();
    this.actor.stop();
    this.lamps(false);
    await this.deps.lock?.release().catch(() => undefined);
  }

  private publish(): void {
    const view = this.view();
    this.deps.metrics.doorState({ open: view.contact === 'open', alarm: view.alarm, lockdown: view.lockdown });
    this.views.emit('view', view);
  }
}
