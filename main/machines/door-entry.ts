import { and, assign, fromCallback, fromPromise, not, or, setup, stateIn } from 'xstate';
import type { ContactState } from '../../shared/devices/door.ts';

/** The outcome of the decision actor: grant, or deny with a reason code. */
export type DoorDecision = { readonly grant: true; readonly staff: boolean } | { readonly grant: false; readonly reason: string };

export interface DoorEntryContext {
  readonly card: string | undefined;
  readonly pin: string;
  readonly reason: string | undefined;
  readonly alarm: 'held-open' | 'forced' | undefined;
  readonly contact: ContactState;
  /** Length of the staff's remote unlock in progress. */
  readonly remoteMs: number | undefined;
  readonly timing: { readonly pinTimeoutMs: number; readonly heldOpenMs: number; readonly resultMs: number; readonly maxPinLength: number };
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
  /** On-call staff open the door once, from afar (staff API). */
  | { readonly type: 'remote.unlock'; readonly ms: number }
  /** Staff silence a sounding alarm; it sounds again if the door then stays open too long. */
  | { readonly type: 'alarm.clear' };

/**
 * Door entry: card -> PIN -> decide -> grant (pulse the lock, watch the
 * contact) or deny -> idle. In parallel, the contact region raises the
 * forced-open and held-open alarms. Every failure of an actor ends in a
 * denial: the door fails secure.
 */
export const doorEntryMachine = setup({
  types: {
    context: {} as DoorEntryContext,
    events: {} as DoorEntryEvent,
    input: {} as { timing: DoorEntryContext['timing'] },
  },
  delays: {
    pinTimeout: ({ context }) => context.timing.pinTimeoutMs,
    heldOpen: ({ context }) => context.timing.heldOpenMs,
    result: ({ context }) => context.timing.resultMs,
  },
  actors: {
    decide: fromPromise<DoorDecision, { card: string; pin: string }>(() => Promise.reject(new Error('not provided'))),
    /** Pulses the lock: the branch's pulse time, or `ms` for a remote unlock. */
    unlock: fromPromise<void, { ms?: number | undefined }>(() => Promise.reject(new Error('not provided'))),
    lock: fromPromise<void, void>(async () => {}),
    contactEvents: fromCallback<DoorEntryEvent>(() => () => {}),
    alarmOutput: fromCallback<DoorEntryEvent, { kind: string }>(() => () => {}),
  },
  actions: {
    // Hooks for logging and metrics, provided by the controller.
    logGranted: () => {},
    logDenied: () => {},
    logAlarm: () => {},
    logRemote: () => {},
  },
  guards: {
    pinComplete: ({ context }) => context.pin.length > 0,
  },
}).createMachine({
  id: 'door',
  type: 'parallel',
  context: ({ input }) => ({
    card: undefined,
    pin: '',
    reason: undefined,
    alarm: undefined,
    contact: 'unknown',
    remoteMs: undefined,
    timing: input.timing,
  }),
  invoke: { src: 'contactEvents' },
  states: {
    entry: {
      initial: 'idle',
      on: {
        // Staff open the door from afar; a patron's PIN in progress is dropped (it was not checked yet).
        'remote.unlock': {
          guard: or([stateIn('#door.entry.idle'), stateIn('#door.entry.pin'), stateIn('#door.entry.denied')]),
          target: '.remote',
          actions: assign({ remoteMs: ({ event }) => event.ms, pin: '' }),
        },
      },
      states: {
        idle: {
          entry: assign({ card: undefined, pin: '', reason: undefined, remoteMs: undefined }),
          on: { 'card.read': { target: 'pin', actions: assign({ card: ({ event }) => event.number }) } },
        },
        pin: {
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
          invoke: {
            src: 'decide',
            input: ({ context }) => ({ card: context.card ?? '', pin: context.pin }),
            onDone: [
              { guard: ({ event }) => event.output.grant, target: 'granted' },
              { target: 'denied', actions: assign({ reason: ({ event }) => (event.output.grant ? undefined : event.output.reason) }) },
            ],
            onError: { target: 'denied', actions: assign({ reason: 'error' }) },
          },
          // The PIN is not kept once it has been used.
          exit: assign({ pin: '' }),
        },
        granted: {
          entry: 'logGranted',
          invoke: { src: 'unlock', input: {}, onDone: 'passing', onError: { target: 'denied', actions: assign({ reason: 'error' }) } },
        },
        remote: {
          entry: 'logRemote',
          invoke: {
            src: 'unlock',
            input: ({ context }) => ({ ms: context.remoteMs }),
            onDone: 'passing',
            onError: { target: 'denied', actions: assign({ reason: 'error' }) },
          },
        },
        passing: {
          // The lock pulsed; the patron has until the result time to open the door, then we are ready again.
          after: { result: 'idle' },
          on: { 'door.closed': 'idle' },
        },
        denied: {
          entry: 'logDenied',
          invoke: { src: 'lock' },
          after: { result: 'idle' },
          on: { 'card.read': { target: 'pin', actions: assign({ card: ({ event }) => event.number, reason: undefined }) } },
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
              // Opened with no grant in progress: forced.
              {
                guard: and([not(stateIn('#door.entry.passing')), not(stateIn('#door.entry.granted')), not(stateIn('#door.entry.remote'))]),
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
  },
});
