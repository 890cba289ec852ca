import { assign, fromPromise, setup } from 'xstate';
import type { UiEvent } from '../../shared/contract/ui-events.ts';
import type { HoldRefusal, HoldResult, LoanInfo, PatronInfo } from '../../shared/domain/central.ts';
import { CHOICES, type DiscoverFacet, NO_PREFERENCES, type Preferences } from '../../shared/domain/discover.ts';
import type { Match } from '../catalog/recommend.ts';

/** Who may reserve: the session's patron, or one who identified here for it. The PIN lives only as long as this flow. */
export interface DiscoverPatron {
  readonly cardNumber: string;
  readonly pin: string | undefined;
  readonly loans: readonly LoanInfo[];
}

export interface DiscoverInput {
  readonly patron: DiscoverPatron | undefined;
  readonly pinRequired: boolean;
}

export interface DiscoverContext extends DiscoverInput {
  readonly prefs: Preferences;
  readonly matches: readonly Match[];
  readonly cardNumber: string | undefined;
  readonly pin: string | undefined;
  readonly target: { readonly id: string; readonly title: string } | undefined;
  /** Branch code; '' until the composition root's `pickupHere` sets this branch. */
  readonly pickup: string;
  readonly result: { readonly pickup: string; readonly queuePosition?: number; readonly refusal?: HoldRefusal | 'offline' } | undefined;
  readonly error: string | undefined;
  /** PINs tried in this flow: counted before the central system checks one. */
  readonly pinTries: number;
}

export type DiscoverEvent = UiEvent | { readonly type: 'card.read'; readonly number: string };

/** Wrong PINs allowed while reserving before the flow stops asking (the door and the login have their own limits). */
export const MAX_PIN_TRIES = 3;

const toggle = (list: readonly string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
const reservable = (m: Match | undefined) => m !== undefined && (m.group === 'here' || m.group === 'reserve');

/**
 * "Tips för mig": choose -> matches -> (identify with card and PIN when
 * nobody is logged in) -> pick-up branch -> reserve. Search, the patron
 * check and the hold are actors supplied by the composition root; the
 * `offline` guard asks the central system's health. Nothing chosen here
 * outlives the machine.
 */
export const discoverMachine = setup({
  types: { context: {} as DiscoverContext, events: {} as DiscoverEvent, input: {} as DiscoverInput },
  actors: {
    search: fromPromise<Match[], { prefs: Preferences }>(() => Promise.reject(new Error('not provided'))),
    lookupPatron: fromPromise<PatronInfo, { cardNumber: string; pin: string | undefined }>(() => Promise.reject(new Error('not provided'))),
    placeHold: fromPromise<HoldResult, { patron: DiscoverPatron; recordId: string; pickup: string }>(() =>
      Promise.reject(new Error('not provided')),
    ),
  },
  actions: {
    // Supplied by the composition root: this branch is the default pick-up place.
    pickupHere: () => {},
  },
  guards: {
    offline: () => false,
    pickupAllowed: () => false,
    loggedIn: ({ context }) => context.patron !== undefined,
    pinRequired: ({ context }) => context.pinRequired,
  },
}).createMachine({
  id: 'discover',
  context: ({ input }) => ({
    ...input,
    prefs: NO_PREFERENCES,
    matches: [],
    cardNumber: undefined,
    pin: undefined,
    target: undefined,
    pickup: '',
    result: undefined,
    error: undefined,
    pinTries: 0,
  }),
  initial: 'choose',
  entry: 'pickupHere',
  states: {
    choose: {
      on: {
        'discover.toggle': {
          guard: ({ event }) => (CHOICES[event.facet as DiscoverFacet] ?? []).includes(event.value),
          actions: assign({
            prefs: ({ context, event }) => ({ ...context.prefs, [event.facet]: toggle(context.prefs[event.facet], event.value) }),
          }),
        },
        'discover.like': {
          guard: ({ context, event }) => event.itemId === null || (context.patron?.loans.some((l) => l.itemId === event.itemId) ?? false),
          actions: assign({
            prefs: ({ context, event }) => {
              const { like: _, ...rest } = context.prefs;
              return event.itemId && event.itemId !== context.prefs.like ? { ...rest, like: event.itemId } : rest;
            },
          }),
        },
        // At least one choice: "everything" is no tip, and would make the kiosk sort the whole catalogue.
        'discover.search': {
          guard: ({ context: { prefs: p } }) =>
            p.genre.length + p.format.length + p.language.length + p.age.length > 0 || p.like !== undefined,
          target: 'searching',
        },
        'discover.back': 'done',
      },
    },
    searching: {
      entry: assign({ error: undefined }),
      invoke: {
        src: 'search',
        input: ({ context }) => ({ prefs: context.prefs }),
        onDone: { target: 'results', actions: assign({ matches: ({ event }) => event.output }) },
        onError: { target: 'choose', actions: assign({ error: 'catalog' }) },
      },
    },
    results: {
      on: {
        'discover.reserve': [
          {
            guard: ({ context, event }) => !reservable(context.matches.find((m) => m.id === event.recordId)),
          },
          {
            guard: 'loggedIn',
            target: 'pickup',
            actions: assign({
              target: ({ context, event }) => ({ id: event.recordId, title: context.matches.find((m) => m.id === event.recordId)!.title }),
            }),
          },
          {
            target: 'identify',
            actions: assign({
              target: ({ context, event }) => ({ id: event.recordId, title: context.matches.find((m) => m.id === event.recordId)!.title }),
            }),
          },
        ],
        'discover.edit': 'choose',
        'discover.back': 'choose',
        'discover.phone': 'phone',
        'discover.done': 'done',
      },
    },
    phone: { on: { 'discover.back': 'results', 'discover.done': 'done' } },
    identify: {
      on: {
        'card.read': { target: 'afterCard', actions: assign({ cardNumber: ({ event }) => event.number, error: undefined }) },
        'card.entered': { target: 'afterCard', actions: assign({ cardNumber: ({ event }) => event.number, error: undefined }) },
        'discover.back': { target: 'results', actions: assign({ cardNumber: undefined, error: undefined }) },
      },
    },
    afterCard: { always: [{ guard: 'pinRequired', target: 'pin' }, { target: 'checking' }] },
    pin: {
      on: {
        'pin.entered': [
          // Never sent: Koha may accept an empty PIN.
          { guard: ({ event }) => event.pin === '', actions: assign({ error: 'empty-pin' }) },
          // Counted before the check; past the limit no PIN is sent for this card again in this flow.
          {
            guard: ({ context }) => context.pinTries >= MAX_PIN_TRIES,
            target: 'results',
            actions: assign({ error: 'locked-out', cardNumber: undefined, pin: undefined }),
          },
          {
            target: 'checking',
            actions: assign({ pin: ({ event }) => event.pin, error: undefined, pinTries: ({ context }) => context.pinTries + 1 }),
          },
        ],
        'card.read': { target: 'afterCard', actions: assign({ cardNumber: ({ event }) => event.number }) },
        'discover.back': { target: 'results', actions: assign({ cardNumber: undefined, pin: undefined, error: undefined }) },
      },
    },
    checking: {
      invoke: {
        src: 'lookupPatron',
        input: ({ context }) => ({ cardNumber: context.cardNumber ?? '', pin: context.pin }),
        onDone: [
          {
            guard: ({ event }) => !event.output.valid,
            target: 'identify',
            actions: assign({ error: 'unknown-patron', cardNumber: undefined, pin: undefined }),
          },
          // Offline the kiosk cannot check a PIN it has not cached, and cannot reserve anyway.
          {
            guard: ({ event }) => event.output.extra.pin === 'not-cached',
            target: 'results',
            actions: assign({ error: 'offline', cardNumber: undefined, pin: undefined }),
          },
          {
            guard: ({ context, event }) => context.pinRequired && !event.output.pinValid,
            target: 'pin',
            actions: assign({ error: 'wrong-pin', pin: undefined }),
          },
          {
            target: 'pickup',
            actions: assign({
              patron: ({ context, event }) => ({ cardNumber: context.cardNumber ?? '', pin: context.pin, loans: event.output.loans }),
              cardNumber: undefined,
              pin: undefined,
            }),
          },
        ],
        onError: { target: 'results', actions: assign({ error: 'offline', cardNumber: undefined, pin: undefined }) },
      },
    },
    pickup: {
      on: {
        'discover.pickup': { guard: 'pickupAllowed', actions: assign({ pickup: ({ event }) => event.branch }) },
        'discover.confirm': [
          // Offline: refused there and then, never queued.
          {
            guard: 'offline',
            target: 'refused',
            actions: assign({ result: ({ context }) => ({ pickup: context.pickup, refusal: 'offline' as const }) }),
          },
          { target: 'reserving' },
        ],
        'discover.back': 'results',
      },
    },
    reserving: {
      invoke: {
        src: 'placeHold',
        input: ({ context }) => ({ patron: context.patron!, recordId: context.target!.id, pickup: context.pickup }),
        onDone: [
          {
            guard: ({ event }) => event.output.ok,
            target: 'reserved',
            actions: assign({
              result: ({ context, event }) => ({
                pickup: event.output.pickupLocation ?? context.pickup,
                ...(event.output.queuePosition === undefined ? {} : { queuePosition: event.output.queuePosition }),
              }),
            }),
          },
          {
            target: 'refused',
            actions: assign({ result: ({ context, event }) => ({ pickup: context.pickup, refusal: event.output.refusal ?? 'unknown' }) }),
          },
        ],
        onError: {
          target: 'refused',
          actions: assign({ result: ({ context }) => ({ pickup: context.pickup, refusal: 'offline' as const }) }),
        },
      },
    },
    reserved: { on: { 'discover.back': { target: 'results', actions: assign({ result: undefined }) }, 'discover.done': 'done' } },
    refused: { on: { 'discover.back': { target: 'results', actions: assign({ result: undefined }) }, 'discover.done': 'done' } },
    done: { type: 'final' },
  },
});
