import { and, assign, fromCallback, fromPromise, not, or, setup, stateIn } from 'xstate';
import type { ContactState } from '../../shared/devices/door.ts';
import type { DenialReason } from '../../shared/domain/door.ts';
import type { DoorStep } from '../../shared/errors.ts';

/** The outcome of the decision actor: grant, or deny with a reason code (and, for a card locked out, when it may try again: local HH:MM). */
export type DoorDecision =
  | { readonly grant: true; readonly staff: boolean }
  | { readonly grant: false; readonly reason: DenialReason; readonly retryAt?: string };

export interface DoorTiming {
  readonly pinTimeoutMs: number;
  readonly heldOpenMs: number;
  readonly resultMs: number;
  readonly maxPinLength: number;
  /** Longest wait for a decision before the patron is refused (default 15 s). */
  readonly checkTimeoutMs?: number;
  /** Longest a lock pulse may take before it counts as failed (default 35 s: the longest pulse plus a margin). */
  readonly unlockTimeoutMs?: number;
  /** After the exit button is pressed, how long the door may open from inside without a forced-door alarm (default 10 s). */
  readonly exitWindowMs?: number;
}

export interface DoorEntryContext {
  readonly card: string | undefined;
  readonly pin: string;
  readonly reason: DenialReason | undefined;
  /** With reason `locked-out`: when the card may try again (local HH:MM). */
  readonly retryAt: string | undefined;
  readonly alarm: 'held-open' | 'forced' | undefined;
  readonly contact: ContactState;
  /** The lock relay is missing or failed: no card is taken, the screen says "out of order". */
  readonly outOfOrder: boolean;
  /** Counts every entry into a step (re-entries too): the watchdog's sign that the door is moving. */
  readonly steps: number;
  /** Length of the staff's remote unlock in progress. */
  readonly remoteMs: number | undefined;
  readonly timing: DoorTiming;
}

export type DoorEntryEvent =
  | { readonly type: 'card.read'; readonly number: string }
  | { readonly type: 'pin.digit'; readonly digit: string }
  | { readonly type: 'pin.erase' }
  | { readonly type: 'pin.clear' }
  | { readonly type: 'pin.more' }
  | { readonly type: 'pin.submit' }
  | { readonly type: 'pin.entered'; readonly pin: string }
  | { readonly type: 'entry.cancel' }
  | { readonly type: 'door.opened' }
  | { readonly type: 'door.closed' }
  /** The lock relay's device status changed (missing, error, connected again). */
  | { readonly type: 'lock.status'; readonly available: boolean }
  /** The controller's watchdog: this entry has stayed in one step far longer than any step may. */
  | { readonly type: 'watchdog.reset' }
  /** On-call staff open the door once, from afar (staff API). */
  | { readonly type: 'remote.unlock'; readonly ms: number }
  /** Staff silence a sounding alarm; it sounds again if the door then stays open too long. */
  | { readonly type: 'alarm.clear' }
  /** Someone inside pressed the exit button (request to exit). */
  | { readonly type: 'exit.request' };

const DEFAULT_CHECK_TIMEOUT_MS = 15_000;
const DEFAULT_UNLOCK_TIMEOUT_MS = 35_000;
const DEFAULT_EXIT_WINDOW_MS = 10_000;

/**
 * Door entry: card -> PIN -> decide -> grant (pulse the lock, watch the
 * contact) or deny -> idle. In parallel, the contact region raises the
 * forced-open and held-open alarms. Every step has a way out that ends
 * with the lock released and the machine back at idle: a decision that
 * fails or hangs, a pulse that fails or hangs and a lock that cannot be
 * released all end in `denied` (which releases the lock) and then idle;
 * the controller's watchdog sends `watchdog.reset` if anything is stuck
 * regardless. A missing lock relay puts the door out of order instead of
 * taking cards it cannot act on.
 */
export const doorEntryMachine = setup({
  types: {
    context: {} as DoorEntryContext,
    events: {} as DoorEntryEvent,
    input: {} as { timing: DoorTiming },
  },
  delays: {
    pinTimeout: ({ context }) => context.timing.pinTimeoutMs,
    heldOpen: ({ context }) => context.timing.heldOpenMs,
    result: ({ context }) => context.timing.resultMs,
    checkTimeout: ({ context }) => context.timing.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS,
    unlockTimeout: ({ context }) => context.timing.unlockTimeoutMs ?? DEFAULT_UNLOCK_TIMEOUT_MS,
    exitWindow: ({ context }) => context.timing.exitWindowMs ?? DEFAULT_EXIT_WINDOW_MS,
  },
  actors: {
    decide: fromPromise<DoorDecision, { card: string; pin: string }>(() => Promise.reject(new Error('not provided'))),
    /** Pulses the lock: the branch's pulse time, or `ms` for a remote unlock. */
    unlock: fromPromise<void, { ms?: number | undefined }>(() => Promise.reject(new Error('not provided'))),
    lock: fromPromise<void, void>(async () => {}),
    /** Pulses the lock for someone leaving by the exit button (not during a lockdown: then the handle inside is the way out). */
    exitUnlock: fromPromise<void, void>(async () => {}),
    contactEvents: fromCallback<DoorEntryEvent>(() => () => {}),
    alarmOutput: fromCallback<DoorEntryEvent, { kind: string }>(() => () => {}),
  },
  actions: {
    // Hooks for logging and metrics, provided by the controller. They must not throw (the controller guards them).
    logGranted: () => {},
    logDenied: () => {},
    logAlarm: () => {},
    logUnlockFailed: () => {},
    logRemote: () => {},
    logExit: () => {},
    /** A step failed (the decision, the pulse, the release): logged and counted, the door carries on. */
    logFault: (_, _params: { step: DoorStep; error: unknown }) => {},
    stepped: assign({ steps: ({ context }) => context.steps + 1 }),
  },
  guards: {
    pinComplete: ({ context }) => context.pin.length > 0,
    outOfOrder: ({ context }) => context.outOfOrder,
  },
}).createMachine({
  id: 'door',
  type: 'parallel',
  context: ({ input }) => ({
    card: undefined,
    pin: '',
    reason: undefined,
    retryAt: undefined,
    alarm: undefined,
    contact: 'unknown',
    outOfOrder: false,
    steps: 0,
    remoteMs: undefined,
    timing: input.timing,
  }),
  invoke: { src: 'contactEvents' },
  on: { 'lock.status': { actions: assign({ outOfOrder: ({ event }) => !event.available }) } },
  states: {
    entry: {
      initial: 'idle',
      on: {
        // Whatever step it is stuck in: back to idle through `denied`, which releases the lock.
        'watchdog.reset': { target: '.denied', actions: assign({ reason: 'error', pin: '' }) },
        // Staff open the door from afar; a patron's PIN in progress is dropped (it was not checked yet).
        'remote.unlock': {
          guard: or([stateIn('#door.entry.idle'), stateIn('#door.entry.pin'), stateIn('#door.entry.denied')]),
          target: '.remote',
          actions: assign({ remoteMs: ({ event }) => event.ms, pin: '' }),
        },
      },
      states: {
        idle: {
          entry: ['stepped', assign({ card: undefined, pin: '', reason: undefined, retryAt: undefined, remoteMs: undefined })],
          on: {
            'card.read': [
              // Nothing to open: say so at once rather than ask for a PIN.
              { guard: 'outOfOrder', target: 'denied', actions: assign({ card: ({ event }) => event.number, reason: 'out-of-order' }) },
              { target: 'pin', actions: assign({ card: ({ event }) => event.number }) },
            ],
          },
        },
        pin: {
          entry: 'stepped',
          after: { pinTimeout: { target: 'denied', actions: assign({ reason: 'timeout' }) } },
          on: {
            // Every key is activity: the PIN time limit starts again (re-entering restarts the timer).
            'pin.digit': {
              target: 'pin',
              reenter: true,
              actions: assign({
                pin: ({ context, event }) => (context.pin.length < context.timing.maxPinLength ? context.pin + event.digit : context.pin),
              }),
            },
            'pin.erase': { target: 'pin', reenter: true, actions: assign({ pin: ({ context }) => context.pin.slice(0, -1) }) },
            // "Rensa" clears the digits only; "Avbryt" (entry.cancel) ends the attempt.
            'pin.clear': { target: 'pin', reenter: true, actions: assign({ pin: '' }) },
            // "More time", asked for when the countdown shows.
            'pin.more': { target: 'pin', reenter: true },
            'pin.submit': [
              { guard: 'pinComplete', target: 'checking' },
              { target: 'denied', actions: assign({ reason: 'empty-pin' }) },
            ],
            'pin.entered': [
              { guard: ({ event }) => event.pin !== '', target: 'checking', actions: assign({ pin: ({ event }) => event.pin }) },
              { target: 'denied', actions: assign({ reason: 'empty-pin' }) },
            ],
            'card.read': { target: 'pin', reenter: true, actions: assign({ card: ({ event }) => event.number, pin: '' }) },
            'entry.cancel': 'idle',
          },
        },
        checking: {
          entry: 'stepped',
          invoke: {
            src: 'decide',
            input: ({ context }) => ({ card: context.card ?? '', pin: context.pin }),
            onDone: [
              { guard: ({ context, event }) => event.output.grant && !context.outOfOrder, target: 'granted' },
              {
                guard: ({ event }) => event.output.grant,
                target: 'denied',
                actions: assign({ reason: 'out-of-order' }),
              },
              {
                target: 'denied',
                actions: assign(({ event }) => (event.output.grant ? {} : { reason: event.output.reason, retryAt: event.output.retryAt })),
              },
            ],
            onError: {
              target: 'denied',
              actions: [assign({ reason: 'error' }), { type: 'logFault', params: ({ event }) => ({ step: 'decide', error: event.error }) }],
            },
          },
          after: { checkTimeout: { target: 'denied', actions: assign({ reason: 'error' }) } },
          // The PIN is not kept once it has been used.
          exit: assign({ pin: '' }),
        },
        granted: {
          entry: ['stepped', 'logGranted'],
          invoke: {
            src: 'unlock',
            input: {},
            onDone: 'passing',
            onError: {
              target: 'unlockFailed',
              actions: { type: 'logFault', params: ({ event }) => ({ step: 'unlock', error: event.error }) },
            },
          },
          after: { unlockTimeout: 'unlockFailed' },
        },
        remote: {
          entry: ['stepped', 'logRemote'],
          invoke: {
            src: 'unlock',
            input: ({ context }) => ({ ms: context.remoteMs }),
            onDone: 'passing',
            onError: {
              target: 'unlockFailed',
              actions: { type: 'logFault', params: ({ event }) => ({ step: 'unlock', error: event.error }) },
            },
          },
          after: { unlockTimeout: 'unlockFailed' },
        },
        unlockFailed: {
          // Granted, but the relay did not pulse: an alarm for staff (the attempt itself is already logged), the lock released.
          entry: ['stepped', 'logUnlockFailed', assign({ reason: 'error' })],
          invoke: {
            src: 'lock',
            onError: { actions: { type: 'logFault', params: ({ event }) => ({ step: 'lock', error: event.error }) } },
          },
          after: { result: 'idle' },
        },
        passing: {
          entry: 'stepped',
          // The lock pulsed; the patron has until the result time to open the door, then we are ready again.
          after: { result: 'idle' },
          on: { 'door.closed': 'idle' },
        },
        denied: {
          entry: ['stepped', 'logDenied'],
          // The release may fail (relay board gone): logged, and the door still comes back to idle.
          invoke: {
            src: 'lock',
            onError: { actions: { type: 'logFault', params: ({ event }) => ({ step: 'lock', error: event.error }) } },
          },
          after: { result: 'idle' },
          on: {
            'card.read': [
              {
                guard: 'outOfOrder',
                target: 'denied',
                reenter: true,
                actions: assign({ card: ({ event }) => event.number, reason: 'out-of-order' }),
              },
              { target: 'pin', actions: assign({ card: ({ event }) => event.number, reason: undefined, retryAt: undefined }) },
            ],
          },
        },
      },
    },
    contact: {
      initial: 'unknown',
      on: { 'door.closed': { target: '.closed', actions: assign({ contact: 'closed', alarm: undefined }) } },
      states: {
        unknown: { on: { 'door.opened': { target: 'open', actions: assign({ contact: 'open' }) } } },
        closed: {
          on: {
            'door.opened': [
              // Opened with no grant in progress and nobody leaving by the exit button: forced.
              {
                guard: and([
                  not(stateIn('#door.entry.passing')),
                  not(stateIn('#door.entry.granted')),
                  not(stateIn('#door.entry.remote')),
                  not(stateIn('#door.egress.leaving')),
                ]),
                target: 'forced',
                actions: assign({ contact: 'open', alarm: 'forced' }),
              },
              { target: 'open', actions: assign({ contact: 'open' }) },
            ],
          },
        },
        open: { after: { heldOpen: { target: 'held', actions: assign({ alarm: 'held-open' }) } } },
        held: {
          entry: 'logAlarm',
          invoke: { src: 'alarmOutput', input: () => ({ kind: 'held-open' }) },
          on: { 'alarm.clear': { target: 'open', actions: assign({ alarm: undefined }) } },
        },
        forced: {
          entry: 'logAlarm',
          on: { 'alarm.clear': { target: 'open', actions: assign({ alarm: undefined }) } },
          invoke: { src: 'alarmOutput', input: () => ({ kind: 'forced' }) },
          after: { heldOpen: { target: 'forced', reenter: true } },
        },
      },
    },
    // The exit button (request to exit): whatever a patron outside is doing,
    // someone inside may leave. The lock is pulsed (for doors without a
    // mechanical free exit) and, for the exit window, the door opening is
    // not a forced door. A pulse that fails is logged; the window holds.
    egress: {
      initial: 'none',
      states: {
        none: { on: { 'exit.request': 'leaving' } },
        leaving: {
          entry: 'logExit',
          invoke: {
            src: 'exitUnlock',
            onError: { actions: { type: 'logFault', params: ({ event }) => ({ step: 'exit-unlock', error: event.error }) } },
          },
          after: { exitWindow: 'none' },
          on: { 'exit.request': { target: 'leaving', reenter: true } },
        },
      },
    },
  },
});
