import { assign, setup } from 'xstate';
import type { Screen } from '../../../shared/contract/view.ts';

/**
 * What a patron can do at the terminal, as a small model: one state per
 * screen, one event per thing a patron (or the clock) does. The graph
 * walk runs over this model; each step is then done to the real kiosk
 * (session machine, item actions, simulated devices, fake clock) and
 * the real screen must be the model's.
 */
export type ModelEvent =
  | { type: 'START' }
  | { type: 'CARD' }
  | { type: 'CARD_REMOVED' }
  | { type: 'PIN_EMPTY' }
  | { type: 'PIN_WRONG' }
  | { type: 'PIN_UNKNOWN_CARD' }
  | { type: 'PIN_CENTRAL_DOWN' }
  | { type: 'PIN_RIGHT' }
  | { type: 'CHECKOUT' }
  | { type: 'RETURN' }
  | { type: 'LOANS' }
  | { type: 'HOLDS' }
  | { type: 'PLACE_LOANABLE' }
  | { type: 'PLACE_REFUSED' }
  | { type: 'PLACE_RETURN' }
  | { type: 'DONE' }
  | { type: 'RENEW' }
  | { type: 'RENEW_ALL' }
  | { type: 'PRINT' }
  | { type: 'SKIP' }
  | { type: 'BACK' }
  | { type: 'CANCEL' }
  | { type: 'END' }
  | { type: 'IDLE' }
  | { type: 'WAIT_RECEIPT' };

interface ModelContext {
  /** A patron has identified (returns go back to the menu, not the start). */
  patron: boolean;
  /** Something was lent in this check-out, or returned without a card (its end asks about a receipt). */
  loaned: boolean;
}

export const patronModel = setup({
  types: {} as { context: ModelContext; events: ModelEvent },
  actions: { forget: assign({ patron: false, loaned: false }) },
}).createMachine({
  id: 'model',
  context: { patron: false, loaned: false },
  initial: 'attract',
  states: {
    attract: {
      entry: 'forget',
      on: { START: 'identify', CARD: 'pin', PLACE_RETURN: { target: 'return', actions: assign({ loaned: true }) } },
    },
    identify: {
      on: {
        CARD: 'pin',
        RETURN: { target: 'return', actions: assign({ loaned: false }) },
        CANCEL: 'attract',
        END: 'attract',
        IDLE: 'attract',
      },
    },
    pin: {
      on: {
        PIN_EMPTY: 'pin',
        PIN_WRONG: 'pin',
        PIN_UNKNOWN_CARD: 'identify',
        PIN_CENTRAL_DOWN: 'error',
        PIN_RIGHT: { target: 'menu', actions: assign({ patron: true }) },
        CANCEL: 'attract',
        CARD_REMOVED: 'attract',
        IDLE: 'attract',
      },
    },
    menu: {
      on: {
        CHECKOUT: { target: 'checkout', actions: assign({ loaned: false }) },
        RETURN: { target: 'return', actions: assign({ loaned: false }) },
        LOANS: 'loans',
        HOLDS: 'holds',
        END: 'attract',
        CARD_REMOVED: 'attract',
        IDLE: 'attract',
      },
    },
    checkout: {
      on: {
        PLACE_LOANABLE: { target: 'checkout', actions: assign({ loaned: true }) },
        PLACE_REFUSED: 'checkout',
        DONE: [{ guard: ({ context }) => context.loaned, target: 'receipt' }, { target: 'menu' }],
        END: [{ guard: ({ context }) => context.loaned, target: 'receipt' }, { target: 'attract' }],
        CARD_REMOVED: [{ guard: ({ context }) => context.loaned, target: 'receipt' }, { target: 'attract' }],
        IDLE: 'attract',
      },
    },
    return: {
      on: {
        PLACE_RETURN: { target: 'return', actions: assign({ loaned: true }) },
        // A patron goes back to the menu; a return without a card ends with the receipt question.
        DONE: [
          { guard: ({ context }) => context.patron, target: 'menu' },
          { guard: ({ context }) => context.loaned, target: 'receipt' },
          { target: 'attract' },
        ],
        // A card shown while returning starts that patron's session.
        CARD: [{ guard: ({ context }) => !context.patron, target: 'pin' }, { target: 'return' }],
        CANCEL: 'attract',
        IDLE: 'attract',
      },
    },
    loans: { on: { RENEW: 'loans', RENEW_ALL: 'loans', BACK: 'menu', END: 'attract', IDLE: 'attract' } },
    holds: { on: { BACK: 'menu', END: 'attract', IDLE: 'attract' } },
    receipt: { on: { PRINT: 'finished', SKIP: 'finished', END: 'attract', IDLE: 'attract' } },
    // "Thank you": the start screen comes back after a warned countdown, or at once with End.
    finished: { on: { WAIT_RECEIPT: 'attract', END: 'attract' } },
    error: { on: { CANCEL: 'attract', END: 'attract', IDLE: 'attract' } },
  },
});

/** The screen the patron must see in each model state. */
export const SCREEN_OF: Record<string, Screen> = {
  attract: 'attract',
  identify: 'identify',
  pin: 'pin',
  menu: 'menu',
  checkout: 'checkout',
  return: 'return',
  loans: 'loans',
  holds: 'holds',
  receipt: 'receipt',
  finished: 'receipt',
  error: 'error',
};
