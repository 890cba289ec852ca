import { sendTo } from 'xstate';

/** "Tips för mig" events, passed on to the discover machine (its own file) while it runs. */
const DISCOVER_EVENTS = [
  'discover.toggle',
  'discover.like',
  'discover.search',
  'discover.edit',
  'discover.reserve',
  'discover.pickup',
  'discover.confirm',
  'discover.phone',
  'discover.back',
  'discover.done',
  'card.read',
  'card.entered',
  'pin.entered',
] as const;
export const toDiscover = Object.fromEntries(DISCOVER_EVENTS.map((e) => [e, { actions: sendTo('discover', ({ event }) => event) }]));

/** Events that show someone is at the terminal: they restart the idle countdown. */
const ACTIVITY = [
  'ui.touch',
  'ui.start',
  'ui.back',
  'card.entered',
  'card.read',
  'pin.entered',
  'menu.checkout',
  'menu.return',
  'menu.loans',
  'menu.holds',
  'loan.renew',
  'loan.renewAll',
  'pad.placed',
  'pad.lifted',
  'receipt.print',
  'receipt.email',
  'discover.start',
  ...DISCOVER_EVENTS,
] as const;
export const restartIdle = Object.fromEntries(ACTIVITY.map((e) => [e, { target: '#session.idle.counting', reenter: true }]));
