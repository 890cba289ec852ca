import { type Actor, createActor } from 'xstate';
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
import { type DoorDecision, type DoorEntryEvent, type DoorTiming, doorEntryMachine } from '../machines/door-entry.ts';
import type { KioskMetrics, LockupState } from '../metrics/kiosk-metrics.ts';
import type { PinAttempts } from '../security/pin-attempts.ts';
import { BranchClosing } from './branch-closing.ts';
import { type ScheduleClock, wallClock } from './door-clock.ts';
import { doorEffects } from './door-effects.ts';
import { projectDoorView } from './door-projection.ts';
import { DoorWatchdog } from './door-watchdog.ts';
import type { EntryCache } from './entry-cache.ts';
import type { EntryLog } from './entry-log.ts';
import { EntryRecorder, type RetryTimer } from './entry-recorder.ts';
import { guardedDecision } from './guarded-decision.ts';
import type { Lockdown, OpsLog } from './ops-log.ts';
import { PeopleFlow } from './people-flow.ts';
import { modeAt, nextChangeMemo, nextStaffedMemo } from './schedule.ts';
import type { Ticker } from './ticker.ts';

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
  /** The patron PIN attempt limit shared with the self-service screens (undefined: none, tests only). */
  readonly attempts?: PinAttempts | undefined;
  /** The door cannot be kept running (the watchdog's restarts do not help): end the process. Default: log only. */
  readonly fatal?: (reason: string) => void;
  /** Timing overrides (tests): the machine's timeouts, the watchdog's clock, the entry log's retry timer. */
  readonly timing?: Partial<DoorTiming>;
  readonly watchdogClock?: Ticker;
  readonly retryTimer?: RetryTimer;
}

/** How long the result stays on screen before the door is ready for the next patron. */
const RESULT_MS = 4000;
/** The watchdog's margin over the longest step the machine itself allows. */
const WATCHDOG_MARGIN_MS = 10_000;

/**
 * The door of an unstaffed branch: runs the door-entry machine with the
 * real lock, contact and central system, and projects it for the door
 * screen. Opening hours are judged on the schedule clock (only demo mode
 * can move it); the entry log always gets the real time. The door keeps
 * going through faults: entry-log writes that fail are retried, a missing
 * lock puts it out of order, and a watchdog returns a stuck machine to
 * idle (or replaces it), always with the lock released.
 */
export class DoorController implements DoorControl {
  private current: Actor<typeof doorEntryMachine>;
  private readonly machine: typeof doorEntryMachine;
  private readonly timing: DoorTiming;
  private readonly views = new Emitter<{ view: DoorView }>();
  private readonly clock: ScheduleClock;
  private readonly auditNow: () => Date;
  private readonly recorder: EntryRecorder;
  private lockState: LockState = 'locked';
  private lockAvailable: boolean;
  private readonly unsubscribes: Unsubscribe[] = [];
  private readonly closing: BranchClosing;
  private readonly flow: PeopleFlow;
  private lockdown: Lockdown | undefined;
  private readonly watchdog: DoorWatchdog;
  private readonly nextChange: ReturnType<typeof nextChangeMemo>;
  private readonly nextStaffed: ReturnType<typeof nextStaffedMemo>;
  /** When the PIN time limit last started (real time): the screen counts down to it. */
  private pinSince = 0;
  private wasPin = false;
  private stopped = false;

  constructor(private readonly deps: DoorControllerDeps) {
    const d = deps;
    this.clock = d.clock ?? wallClock;
    this.auditNow = d.auditNow ?? (() => new Date());
    this.recorder = new EntryRecorder(d.log, d.metrics, d.logger, d.retryTimer);
    this.machine = doorEntryMachine.provide(
      doorEffects({
        lock: d.lock,
        sensor: d.sensor,
        alarmOutputs: d.alarmOutputs,
        lamps: d.lamps ?? [],
        pulseMs: d.rules.pulseMs,
        recorder: this.recorder,
        metrics: d.metrics,
        logger: d.logger,
        auditNow: this.auditNow,
        decide: (card, pin) => this.decide(card, pin),
        cardHash: (card) => d.log?.cardHash(card),
        flow: () => this.flow,
        lockChanged: (state) => {
          this.lockState = state;
          this.publish();
        },
        exitUnlocks: () => d.rules.exitButton.unlock && this.lockdown === undefined,
      }),
    );
    this.timing = {
      pinTimeoutMs: d.rules.pinTimeoutSeconds * 1000,
      heldOpenMs: d.rules.heldOpenSeconds * 1000,
      resultMs: RESULT_MS,
      maxPinLength: 12,
      exitWindowMs: d.rules.exitButton.windowSeconds * 1000,
      ...d.timing,
    };
    this.lockAvailable = d.lock?.status().state === 'connected';
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
      recorder: this.recorder,
      now: () => this.now(),
      auditNow: this.auditNow,
      contact: () => this.current.getSnapshot().context.contact,
      occupancy: () => this.flow.value(),
      changed: () => this.publish(),
    });
    this.current = this.spawn();
    for (const reader of d.cardReaders ?? [])
      this.unsubscribes.push(reader.onCard((c) => this.send({ type: 'card.read', number: c.number })));
    if (d.pinPad) this.unsubscribes.push(d.pinPad.onPin((p) => this.send({ type: 'pin.entered', pin: p.pin })));
    if (d.lock) {
      this.unsubscribes.push(
        d.lock.onStatus((s) => {
          this.lockAvailable = s.state === 'connected';
          if (!this.lockAvailable) d.logger.error({ state: s.state, reason: s.reason }, 'door lock unavailable: the door is out of order');
          this.send({ type: 'lock.status', available: this.lockAvailable });
        }),
      );
    }
    this.closing.check();
    if (this.clock.onJump)
      this.unsubscribes.push(
        this.clock.onJump(() => {
          this.closing.check();
          this.flow.tick();
          this.publish();
        }),
      );
    const t = this.timing;
    const longestStep = Math.max(t.pinTimeoutMs, t.checkTimeoutMs ?? 15_000, t.unlockTimeoutMs ?? 35_000, t.resultMs);
    this.watchdog = new DoorWatchdog(
      {
        step: () => {
          const snap = this.current.getSnapshot();
          return { name: (snap.value as { entry: string }).entry, seq: snap.context.steps, running: snap.status === 'active' };
        },
        reset: () => this.recover('watchdog-reset', () => this.send({ type: 'watchdog.reset' })),
        restart: (reason) => this.recover('watchdog-restart', () => this.replaceMachine(reason)),
        fatal: (reason) => this.failFatally(reason),
      },
      longestStep + WATCHDOG_MARGIN_MS,
      d.watchdogClock,
    );
    // Fail secure from the first moment: whatever the relay did before, it is released now.
    this.releaseLock('at start');
  }

  /** The door machine now (replaced by a fresh one if the watchdog had to). */
  get actor(): Actor<typeof doorEntryMachine> {
    return this.current;
  }

  /** The schedule's time (the wall clock outside demo mode). */
  now(): Date {
    return this.clock.now();
  }

  /** "The library closes in N minutes", for the self-service screens as well. */
  onAnnouncement(listener: (a: { minutes: number }) => void): Unsubscribe {
    return this.closing.onAnnouncement(listener);
  }

  /**
   * On-call staff open the lock once for `ms` (staff API). Refused while the
   * door is locked down, deciding or already open: staff see why and retry.
   */
  remoteUnlock(ms: number): void {
    if (!this.deps.lock) throw new OpenBranchError('door.no-lock', 'this door has no lock configured');
    if (this.lockdown) throw new OpenBranchError('door.locked-down', 'the door is locked down: clear the lockdown first');
    const entry = (this.current.getSnapshot().value as { entry: string }).entry;
    if (!['idle', 'pin', 'denied'].includes(entry)) throw new OpenBranchError('door.busy', `the door is busy (${entry}); try again`);
    this.send({ type: 'remote.unlock', ms });
  }

  /** Lock down (no entries at all until cleared) or clear it; kept on disk so a restart does not lift it. */
  setLockdown(value: Lockdown | undefined): void {
    this.lockdown = value;
    this.deps.ops?.setLockdown(value && { since: new Date(value.since), who: value.who, reason: value.reason });
    if (value) this.releaseLock('lockdown');
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
    this.send({ type: 'alarm.clear' });
    this.closing.clear();
    this.publish();
  }

  /** Switches the lock off now, whatever the machine is doing (fatal errors, shutdown). */
  async failSafe(): Promise<void> {
    this.lockState = 'locked';
    await this.deps.lock?.release();
  }

  view(): DoorView {
    const staffed = this.nextStaffed(this.now());
    return projectDoorView(this.current.getSnapshot(), {
      ...(staffed ? { nextStaffed: { from: staffed.from.toISOString(), to: staffed.to.toISOString() } } : {}),
      pinDeadline: new Date(this.pinSince + this.deps.rules.pinTimeoutSeconds * 1000).toISOString(),
      mode: { schedule: this.deps.rules.schedule, timeZone: this.deps.timeZone, now: this.now(), next: this.nextChange(this.now()) },
      lock: this.lockState,
      lockAvailable: this.lockAvailable,
      offline: this.deps.central.health() === 'offline',
      lockdown: this.lockdown !== undefined,
      flow: this.flow.view(),
      closing: this.closing.view(),
      speak: this.deps.speak ?? false,
    });
  }

  onView(listener: (view: DoorView) => void): Unsubscribe {
    return this.views.on('view', listener);
  }

  dispatch(event: DoorEvent): void {
    switch (event.type) {
      case 'door.card':
        return this.send({ type: 'card.read', number: event.number });
      case 'door.digit':
        return this.pinActivity({ type: 'pin.digit', digit: event.digit });
      case 'door.erase':
        return this.pinActivity({ type: 'pin.erase' });
      case 'door.clear':
        return this.pinActivity({ type: 'pin.clear' });
      case 'door.more':
        return this.pinActivity({ type: 'pin.more' });
      case 'door.submit':
        return this.send({ type: 'pin.submit' });
      case 'door.cancel':
        return this.send({ type: 'entry.cancel' });
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.watchdog.stop();
    this.recorder.stop();
    this.closing.stop();
    this.flow.stop();
    for (const off of this.unsubscribes.splice(0)) off();
    this.current.stop();
    for (const lamp of this.deps.lamps ?? []) void lamp.set(false).catch(() => undefined);
    await this.deps.lock?.release().catch(() => undefined);
  }

  /** Before the PIN limit and the central system: a locked-down door, and (policy `count`) a card that let others in too often. */
  private decide(card: string, pin: string): Promise<DoorDecision> {
    if (this.lockdown) return Promise.resolve({ grant: false, reason: 'lockdown' });
    const hash = this.deps.log?.cardHash(card) ?? card;
    if (this.flow.overTailgateLimit(hash)) return Promise.resolve({ grant: false, reason: 'tailgating' });
    return guardedDecision(this.deps, card, pin, this.now());
  }

  private send(event: DoorEntryEvent): void {
    this.current.send(event);
  }

  /** A key while the PIN is asked for: the machine restarts its time limit, and so does the screen's countdown. */
  private pinActivity(event: Extract<DoorEntryEvent, { type: 'pin.digit' | 'pin.erase' | 'pin.clear' | 'pin.more' }>): void {
    if ((this.current.getSnapshot().value as { entry: string }).entry === 'pin') this.pinSince = Date.now();
    this.send(event);
  }

  private spawn(): Actor<typeof doorEntryMachine> {
    const actor = createActor(this.machine, { input: { timing: this.timing } });
    actor.subscribe({
      next: (snap) => {
        const isPin = (snap.value as { entry: string }).entry === 'pin';
        if (isPin && !this.wasPin) this.pinSince = Date.now();
        this.wasPin = isPin;
        this.publish();
      },
      // A machine that dies must not leave a live process with a dead door: replace it at once.
      error: (e) => {
        if (this.stopped) return;
        this.deps.logger.error({ err: e instanceof Error ? e.message : String(e) }, 'door machine failed');
        queueMicrotask(() => this.watchdog.tick());
      },
    });
    actor.start();
    if (!this.lockAvailable) actor.send({ type: 'lock.status', available: false });
    return actor;
  }

  private replaceMachine(reason: string): void {
    this.deps.logger.error({ reason }, 'door machine replaced by a fresh one');
    const old = this.current;
    this.current = this.spawn();
    try {
      old.stop();
    } catch {
      // Already dead.
    }
    this.publish();
  }

  /** The watchdog stepped in: lock released, recorded as an alarm for the morning report, counted on /metrics. */
  private recover(kind: string, act: () => void): void {
    this.releaseLock(kind);
    this.recorder.alarm(this.auditNow(), kind);
    this.deps.metrics.doorAlarm(kind);
    act();
  }

  private failFatally(reason: string): void {
    this.deps.logger.error({ reason }, 'door cannot be kept running');
    this.releaseLock('fatal');
    if (this.deps.fatal) this.deps.fatal(reason);
  }

  private releaseLock(when: string): void {
    this.lockState = 'locked';
    void this.deps.lock?.release().catch((e: Error) => this.deps.logger.error({ err: e.message, when }, 'door lock could not be released'));
  }

  private publish(): void {
    // Not while stopping, nor while the first machine is still being started (it publishes its first snapshot).
    if (this.stopped || this.current === undefined) return;
    const view = this.view();
    this.deps.metrics.doorState({ open: view.contact === 'open', alarm: view.alarm, lockdown: view.lockdown });
    this.views.emit('view', view);
  }
}
