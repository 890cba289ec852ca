import { assign, fromCallback, fromPromise, raise, setup } from 'xstate';
import type { ItemLine } from '../../shared/contract/session-view.ts';
import type { PatronInfo, RenewResult } from '../../shared/domain/central.ts';
import { isOpenBranchError, type OpenBranchError } from '../../shared/errors.ts';
import { discoverMachine } from './discover.ts';
import type { LinePatch } from './item-actions.ts';
import { eachItem, type Job } from './item-loop.ts';
import { liftTag, nextWaiting, placeTag, syncLines, titleLines, updateLine } from './pad-lines.ts';
import { canEmailReceipt } from './receipt.ts';
import { restartIdle, toDiscover } from './session-events.ts';
import { emptyContext, type SessionContext, type SessionEvent, type SessionPatron, type SessionPolicy } from './session-types.ts';

export type { Job } from './item-loop.ts';

/**
 * The self-service session: attract -> identify -> PIN -> menu -> borrow,
 * return, loans, reservations, receipt -> end. Devices and the central
 * system are actors supplied with `.provide()` by the composition root. A
 * parallel idle region counts down and ends an abandoned session.
 */
export const sessionMachine = setup({
  types: { context: {} as SessionContext, events: {} as SessionEvent, input: {} as { policy: SessionPolicy } },
  delays: {
    untilWarning: ({ context }) => Math.max(1, context.policy.idleSeconds - context.policy.warningSeconds) * 1000,
  },
  actors: {
    // Event sources: the pad's placed/lifted items and every card reader; supplied by the composition root.
    padEvents: fromCallback<SessionEvent>(() => () => {}),
    cardEvents: fromCallback<SessionEvent>(() => () => {}),
    fetchPatron: fromPromise<PatronInfo, { cardNumber: string; pin: string | undefined }>(() => Promise.reject(new Error('not provided'))),
    checkoutItem: fromPromise<LinePatch, { patron: SessionPatron | undefined; job: Job }>(() => Promise.reject(new Error('not provided'))),
    checkinItem: fromPromise<LinePatch, { patron: SessionPatron | undefined; job: Job }>(() => Promise.reject(new Error('not provided'))),
    renew: fromPromise<RenewResult[], { patron: SessionPatron; itemId: string | undefined }>(() =>
      Promise.reject(new Error('not provided')),
    ),
    printReceipt: fromPromise<void, { context: SessionContext }>(() => Promise.reject(new Error('not provided'))),
    emailReceipt: fromPromise<void, { context: SessionContext }>(() => Promise.reject(new Error('not provided'))),
    endSession: fromPromise<void, { cardNumber: string | undefined }>(async () => {}),
    discover: discoverMachine,
  },
  guards: {
    pinRequired: ({ context }) => context.policy.pinRequired,
    hasWork: ({ context }) => nextWaiting(context.lines) !== undefined,
    anyLoan: ({ context }) => context.lines.some((l) => l.status === 'done' || l.status === 'see-staff'),
    receiptWanted: ({ context }) => context.policy.receipt !== 'none',
    receiptAuto: ({ context }) => context.policy.receipt === 'print',
    canEmail: ({ context }) => canEmailReceipt(context),
    hasPatron: ({ context }) => context.patron !== undefined,
    emptyPin: ({ event }) => event.type === 'pin.entered' && event.pin === '',
    sessionCardRemoved: ({ context, event }) => event.type === 'card.removed' && event.number === context.cardNumber,
  },
  actions: {
    place: assign(({ context, event }) => {
      if (event.type !== 'pad.placed' || event.tag.usage !== 'item') return {};
      const onPad = placeTag(context.onPad, event.tag);
      return { onPad, lines: syncLines(context.lines, onPad, context.titles) };
    }),
    lift: assign(({ context, event }) => {
      if (event.type !== 'pad.lifted') return {};
      const onPad = liftTag(context.onPad, event.uid);
      return { onPad, lines: syncLines(context.lines, onPad, context.titles) };
    }),
    unreadable: assign(({ context, event }) =>
      event.type === 'pad.unreadable' && !context.lines.some((l) => l.key === event.uid)
        ? { lines: [...context.lines, { key: event.uid, itemId: '?', status: 'see-staff', reason: 'tag-unreadable' } satisfies ItemLine] }
        : {},
    ),
    startLines: assign(({ context }) => ({
      lines: syncLines([], context.onPad, context.titles),
      error: undefined,
      receiptDone: undefined,
    })),
    title: assign(({ context, event }) =>
      event.type === 'item.titled'
        ? { titles: { ...context.titles, [event.itemId]: event.title }, lines: titleLines(context.lines, event.itemId, event.title) }
        : {},
    ),
    forgetSession: assign(({ context }) => ({ ...emptyContext, policy: context.policy, onPad: context.onPad })),
    takeCard: assign(({ event }) => ({
      cardNumber: event.type === 'card.read' || event.type === 'card.entered' ? event.number : undefined,
      error: undefined,
    })),
    // A processing line no longer follows the pad, so lifting the item or adding tags cannot move the result to another line.
    startJob: assign(({ context }) => {
      const key = nextWaiting(context.lines)!.key;
      return { activeKey: key, lines: updateLine(context.lines, key, { status: 'processing' }) };
    }),
    applyResult: assign(({ context, event }) => {
      const output = (event as unknown as { output: LinePatch }).output;
      return { activeKey: undefined, lines: updateLine(context.lines, context.activeKey!, output) };
    }),
    failJob: assign(({ context }) => ({
      activeKey: undefined,
      lines: updateLine(context.lines, context.activeKey!, { status: 'refused', reason: 'other' }),
    })),
  },
}).createMachine({
  id: 'session',
  type: 'parallel',
  context: ({ input }) => ({ ...emptyContext, policy: input.policy }),
  invoke: [
    { id: 'pad', src: 'padEvents' },
    { id: 'cards', src: 'cardEvents' },
  ],
  states: {
    flow: {
      initial: 'attract',
      on: {
        'pad.placed': { actions: 'place' },
        'pad.lifted': { actions: 'lift' },
        'item.titled': { actions: 'title' },
        'idle.timeout': '.ending',
        // Taking the card off the pad ends the session like the End button (loans made still get their receipt).
        'card.removed': { guard: 'sessionCardRemoved', actions: raise({ type: 'session.end' }) },
      },
      states: {
        attract: {
          entry: ['forgetSession', raise({ type: 'idle.stop' })],
          exit: raise({ type: 'idle.start' }),
          on: {
            'ui.start': 'identify',
            'discover.start': 'discover',
            'card.read': { target: 'afterCard', actions: 'takeCard' },
            'card.entered': { target: 'afterCard', actions: 'takeCard' },
            'pad.placed': { target: 'return', actions: ['place', 'startLines'] },
            'idle.timeout': {},
          },
        },
        identify: {
          on: {
            'card.read': { target: 'afterCard', actions: 'takeCard' },
            'card.entered': { target: 'afterCard', actions: 'takeCard' },
            'menu.return': { target: 'return', actions: 'startLines' },
            'ui.cancel': 'ending',
            'session.end': 'ending',
          },
        },
        afterCard: { always: [{ guard: 'pinRequired', target: 'pin' }, { target: 'lookup' }] },
        pin: {
          on: {
            'pin.entered': [
              // Never sent: Koha may accept an empty PIN.
              { guard: 'emptyPin', actions: assign({ error: 'empty-pin' }) },
              {
                target: 'lookup',
                actions: assign({ pin: ({ event }) => (event.type === 'pin.entered' ? event.pin : undefined), error: undefined }),
              },
            ],
            'card.read': { target: 'afterCard', actions: 'takeCard' },
            'ui.cancel': 'ending',
            'session.end': 'ending',
          },
        },
        lookup: {
          on: { 'session.end': 'ending' },
          invoke: {
            src: 'fetchPatron',
            input: ({ context }) => ({ cardNumber: context.cardNumber ?? '', pin: context.pin }),
            onDone: [
              {
                guard: ({ event }) => !event.output.valid,
                target: 'identify',
                actions: assign({ error: 'unknown-patron', cardNumber: undefined, pin: undefined }),
              },
              {
                // Offline, and this patron's PIN is not in the local cache: not a wrong PIN, the kiosk just cannot check it.
                guard: ({ context, event }) => context.policy.pinRequired && event.output.extra.pin === 'not-cached',
                target: 'error',
                actions: assign({ error: 'offline', pin: undefined }),
              },
              {
                guard: ({ context, event }) => context.policy.pinRequired && !event.output.pinValid,
                target: 'pin',
                actions: assign({ error: 'wrong-pin', pin: undefined }),
              },
              {
                target: 'menu',
                actions: assign({
                  patron: ({ context, event }) => ({ cardNumber: context.cardNumber ?? '', pin: context.pin, info: event.output }),
                  error: undefined,
                }),
              },
            ],
            onError: [
              {
                // Too many wrong PINs for this card (here or at the door): refused before the PIN was checked.
                guard: ({ event }) => isOpenBranchError(event.error, 'central.pin-locked-out'),
                target: 'error',
                actions: assign({
                  error: 'locked-out',
                  retryAt: ({ event }) => String((event.error as OpenBranchError).details.retryAt ?? ''),
                  cardNumber: undefined,
                  pin: undefined,
                }),
              },
              { target: 'error', actions: assign({ error: 'offline' }) },
            ],
          },
        },
        menu: {
          on: {
            'menu.checkout': { target: 'checkout', actions: 'startLines' },
            'menu.return': { target: 'return', actions: 'startLines' },
            'menu.loans': 'loans',
            'menu.holds': 'holds',
            'discover.start': 'discover',
            'session.end': 'ending',
            'ui.cancel': 'ending',
          },
        },
        checkout: {
          ...eachItem('checkoutItem'),
          on: {
            'pad.unreadable': { actions: 'unreadable' },
            'loan.renew': {
              target: 'loans.renewing',
              actions: assign({ renewing: ({ event }) => (event.type === 'loan.renew' ? event.itemId : undefined) }),
            },
            'checkout.done': [{ guard: 'anyLoan', target: 'receipt' }, { target: 'menu' }],
            'session.end': [{ guard: 'anyLoan', target: 'receipt' }, { target: 'ending' }],
          },
        },
        return: {
          ...eachItem('checkinItem'),
          on: {
            'pad.unreadable': { actions: 'unreadable' },
            // A patron goes back to the menu; someone who only returned gets the receipt question and a proper end.
            'return.done': [{ guard: 'hasPatron', target: 'menu' }, { guard: 'anyLoan', target: 'receipt' }, { target: 'ending' }],
            // A card shown while returning starts that patron's session.
            'card.read': { guard: ({ context }) => context.patron === undefined, target: 'afterCard', actions: 'takeCard' },
            'session.end': [{ guard: 'hasPatron', target: 'ending' }, { guard: 'anyLoan', target: 'receipt' }, { target: 'ending' }],
            'ui.cancel': 'ending',
          },
        },
        loans: {
          initial: 'idle',
          states: {
            idle: {
              on: {
                'loan.renew': {
                  target: 'renewing',
                  actions: assign({ renewing: ({ event }) => (event.type === 'loan.renew' ? event.itemId : undefined) }),
                },
                'loan.renewAll': { target: 'renewing', actions: assign({ renewing: undefined }) },
              },
            },
            renewing: {
              invoke: {
                src: 'renew',
                input: ({ context }) => ({ patron: context.patron!, itemId: context.renewing }),
                onDone: {
                  target: 'refresh',
                  actions: assign({
                    renewals: ({ context, event }) => ({
                      ...context.renewals,
                      ...Object.fromEntries(
                        event.output.map((r) => [
                          r.itemId,
                          { ok: r.ok, ...(r.dueDate ? { dueDate: r.dueDate } : {}), ...(r.refusal ? { refusal: r.refusal } : {}) },
                        ]),
                      ),
                    }),
                    error: undefined,
                  }),
                },
                onError: { target: 'idle', actions: assign({ error: 'offline' }) },
              },
            },
            refresh: {
              invoke: {
                src: 'fetchPatron',
                input: ({ context }) => ({ cardNumber: context.patron!.cardNumber, pin: context.patron!.pin }),
                onDone: {
                  target: 'idle',
                  actions: assign({ patron: ({ context, event }) => ({ ...context.patron!, info: event.output }) }),
                },
                onError: 'idle',
              },
            },
          },
          on: { 'ui.back': 'menu', 'session.end': 'ending', 'ui.cancel': 'ending' },
        },
        holds: { on: { 'ui.back': 'menu', 'session.end': 'ending', 'ui.cancel': 'ending' } },
        discover: {
          invoke: {
            id: 'discover',
            src: 'discover',
            input: ({ context }) => ({
              patron: context.patron && {
                cardNumber: context.patron.cardNumber,
                pin: context.patron.pin,
                loans: context.patron.info.loans,
              },
              pinRequired: context.policy.pinRequired,
            }),
            onDone: [{ guard: 'hasPatron', target: 'menu' }, { target: 'ending' }],
          },
          on: { ...toDiscover, 'ui.cancel': 'ending', 'session.end': 'ending' },
        },
        receipt: {
          initial: 'choosing',
          states: {
            choosing: {
              always: [
                { guard: ({ context }) => context.policy.receipt === 'none', target: 'done', actions: assign({ receiptDone: 'skipped' }) },
                { guard: 'receiptAuto', target: 'printing' },
              ],
              on: {
                'receipt.print': 'printing',
                // Patron input: honoured only where the choice was offered.
                'receipt.email': { guard: 'canEmail', target: 'emailing' },
                'receipt.skip': { target: 'done', actions: assign({ receiptDone: 'skipped' }) },
              },
            },
            printing: {
              invoke: {
                src: 'printReceipt',
                input: ({ context }) => ({ context }),
                onDone: { target: 'done', actions: assign({ receiptDone: 'printed' }) },
                onError: { target: 'done', actions: assign({ receiptDone: 'failed' }) },
              },
            },
            // "Sent" only once the relay took it (250); otherwise the question again, without e-mail, print offered.
            emailing: {
              invoke: {
                src: 'emailReceipt',
                input: ({ context }) => ({ context }),
                onDone: { target: 'done', actions: assign({ receiptDone: 'emailed' }) },
                onError: { target: 'choosing', actions: assign({ receiptEmailFailed: true }) },
              },
            },
            // Finished: the screen says so and the idle countdown (warned, extendable) brings the start screen back.
            done: { entry: raise({ type: 'idle.finish' }) },
          },
          on: { 'session.end': 'ending', 'ui.cancel': 'ending' },
        },
        error: { on: { 'ui.cancel': 'ending', 'session.end': 'ending' } },
        ending: {
          invoke: {
            src: 'endSession',
            input: ({ context }) => ({ cardNumber: context.patron?.cardNumber }),
            onDone: 'attract',
            onError: 'attract',
          },
        },
      },
    },
    idle: {
      initial: 'off',
      on: { 'idle.stop': '.off', 'idle.finish': '.warning' },
      states: {
        off: { entry: assign({ idleLeft: undefined }), on: { 'idle.start': 'counting' } },
        counting: { entry: assign({ idleLeft: undefined }), after: { untilWarning: 'warning' }, on: restartIdle },
        warning: {
          entry: assign({ idleLeft: ({ context }) => context.policy.warningSeconds }),
          initial: 'tick',
          states: {
            tick: {
              after: {
                1000: [
                  {
                    guard: ({ context }) => (context.idleLeft ?? 0) <= 1,
                    target: '#session.idle.off',
                    actions: raise({ type: 'idle.timeout' }),
                  },
                  { target: 'tick', reenter: true, actions: assign({ idleLeft: ({ context }) => (context.idleLeft ?? 1) - 1 }) },
                ],
              },
            },
          },
          on: restartIdle,
        },
      },
    },
  },
});
