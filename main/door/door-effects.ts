import { fromCallback, fromPromise } from 'xstate';
import type { DoorLock, DoorSensor, LockState, RelayOutput } from '../../shared/devices/door.ts';
import type { DoorStep } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import type { DoorDecision, DoorEntryContext, doorEntryMachine } from '../machines/door-entry.ts';
import type { KioskMetrics } from '../metrics/kiosk-metrics.ts';
import type { EntryRecorder } from './entry-recorder.ts';
import type { PeopleFlow } from './people-flow.ts';

/** What the door machine's actors and actions act on. */
export interface DoorEffectPorts {
  readonly lock: DoorLock | undefined;
  readonly sensor: DoorSensor | undefined;
  readonly alarmOutputs: readonly RelayOutput[];
  /** Relay outputs with role `door-lamp`: lit while the door is open to the patron, three blinks on a refusal. */
  readonly lamps: readonly RelayOutput[];
  readonly pulseMs: number;
  readonly recorder: EntryRecorder;
  readonly metrics: KioskMetrics;
  readonly logger: Logger;
  /** The real time, for the entry log. */
  auditNow(): Date;
  decide(card: string, pin: string): Promise<DoorDecision>;
  /** The card as the entry log keys it (for the tailgating count). */
  cardHash(card: string): string | undefined;
  /** Who comes in behind whom: told of grants, the door opening and closing, a forced door. */
  flow(): Pick<PeopleFlow, 'granted' | 'doorOpened' | 'doorClosed' | 'forced'>;
  /** The lock was switched (for the door screen). */
  lockChanged(state: LockState): void;
  /** Whether the exit button pulses the lock now (configured so, and no lockdown). */
  exitUnlocks(): boolean;
}

type Provided = Parameters<typeof doorEntryMachine.provide>[0];

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The door machine's side effects on the real lock, contact, lamps, alarm
 * outputs and entry log. No action may throw (a throwing action would stop
 * the machine and with it the door): each is guarded, and a failure is
 * logged and counted while the door carries on.
 */
export function doorEffects(p: DoorEffectPorts): Provided {
  // A relay output that fails (even at once, by throwing) is logged; it never stops the door.
  const outputs = (list: readonly RelayOutput[], on: boolean) => {
    const failed = (o: RelayOutput, e: unknown) => p.logger.warn({ output: o.id, err: message(e) }, 'relay output failed');
    for (const o of list) {
      try {
        void o.set(on).catch((e: unknown) => failed(o, e));
      } catch (e) {
        failed(o, e);
      }
    }
  };
  const blink = async () => {
    if (p.lamps.length === 0) return;
    for (let i = 0; i < 3; i++) {
      outputs(p.lamps, true);
      await new Promise((r) => setTimeout(r, 200));
      outputs(p.lamps, false);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const pulse = async () => {
    if (!p.lock) throw new Error('no door lock configured');
    try {
      await p.lock.pulse(p.pulseMs, () => p.lockChanged('unlocked'));
    } finally {
      p.lockChanged('locked');
      outputs(p.lamps, false);
    }
  };
  const guarded =
    (name: string, run: (context: DoorEntryContext) => void) =>
    ({ context }: { context: DoorEntryContext }) => {
      try {
        run(context);
      } catch (e) {
        p.metrics.error('door.action');
        p.logger.error({ action: name, err: message(e) }, 'door action failed; the door carries on');
      }
    };
  return {
    actors: {
      decide: fromPromise(({ input }) => p.decide(input.card, input.pin)),
      unlock: fromPromise(() => pulse()),
      exitUnlock: fromPromise(async () => {
        if (p.exitUnlocks()) await pulse();
      }),
      lock: fromPromise(async () => {
        try {
          await p.lock?.release();
        } finally {
          p.lockChanged('locked');
        }
      }),
      contactEvents: fromCallback(({ sendBack }) => {
        if (!p.sensor) return () => {};
        const sensor = p.sensor;
        const emit = (s: string) => {
          if (s === 'open') p.flow().doorOpened();
          else p.flow().doorClosed();
          sendBack({ type: s === 'open' ? 'door.opened' : 'door.closed' });
        };
        if (sensor.current() !== 'unknown') emit(sensor.current());
        const offContact = sensor.onChange((s) => s !== 'unknown' && emit(s));
        const offExit = sensor.onExitRequest?.(() => sendBack({ type: 'exit.request' }));
        return () => {
          offContact();
          offExit?.();
        };
      }),
      alarmOutput: fromCallback(() => {
        outputs(p.alarmOutputs, true);
        return () => outputs(p.alarmOutputs, false);
      }),
    },
    actions: {
      logGranted: guarded('logGranted', (c) => {
        outputs(p.lamps, true);
        p.flow().granted(c.card === undefined ? undefined : p.cardHash(c.card));
        p.recorder.attempt(p.auditNow(), c.card, 'granted');
        p.metrics.doorGranted();
        p.logger.info('door: entry granted');
      }),
      logDenied: guarded('logDenied', (c) => {
        void blink();
        p.recorder.attempt(p.auditNow(), c.card, 'denied', c.reason);
        p.metrics.doorDenied(c.reason ?? 'error');
        p.logger.info({ reason: c.reason }, 'door: entry denied');
      }),
      logUnlockFailed: guarded('logUnlockFailed', () => {
        p.recorder.alarm(p.auditNow(), 'unlock-failed');
        p.metrics.doorAlarm('unlock-failed');
        p.logger.error('door: entry granted but the lock did not open');
      }),
      logRemote: guarded('logRemote', () => p.flow().granted(undefined)),
      logExit: guarded('logExit', () => {
        p.metrics.doorExit();
        p.logger.info('door: exit button pressed; the door may open from inside without an alarm');
      }),
      logAlarm: guarded('logAlarm', (c) => {
        if (c.alarm === 'forced') p.flow().forced();
        p.recorder.alarm(p.auditNow(), c.alarm ?? 'unknown');
        p.metrics.doorAlarm(c.alarm ?? 'unknown');
        p.logger.warn({ alarm: c.alarm }, 'door alarm');
      }),
      logFault: (_, params: { step: DoorStep; error: unknown }) => {
        try {
          p.metrics.error(`door.${params.step}-failed`);
          p.logger.error(
            { step: params.step, err: message(params.error) },
            'door step failed; the lock is released and the door goes back to idle',
          );
        } catch {
          // Logging itself failed: nothing more to do, and nothing may stop the door.
        }
      },
    },
  };
}
