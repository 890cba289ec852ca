/**
 * English UI messages. The Swedish catalog (sv.ts) must have exactly the
 * same keys: its type is derived from this one. Interpolation: {{name}}.
 */
export const en = {
  app: { title: 'OpenBranch', loading: 'Starting…', disconnected: 'The kiosk is restarting. One moment…' },
  language: { label: 'Language', sv: 'Svenska', en: 'English' },
  attract: {
    welcome: 'Welcome to {{branch}}',
    start: 'Touch to start',
    hint: 'Borrow, return and see your loans. Scan your library card or place items on the pad.',
    returnHint: 'Returning? Just place the items on the pad.',
  },
  identify: {
    title: 'Scan your library card',
    hint: 'Hold the barcode under the reader, or type your card number.',
    typeNumber: 'Card number',
    next: 'Next',
  },
  pin: { title: 'Enter your PIN', hint: 'Your PIN is 4 digits or more.', ok: 'OK', empty: 'Please enter your PIN.' },
  keypad: { clear: 'Clear', backspace: 'Erase one digit', digit: 'Digit {{digit}}' },
  common: { cancel: 'Cancel', back: 'Back', done: 'Done', finish: 'Finish', continue: 'Continue', close: 'Close' },
  idle: { title: 'Are you still there?', countdown: 'The session ends in {{seconds}} seconds.', stay: 'Continue' },
  status: {
    central: 'Library system',
    online: 'Online',
    degraded: 'Slow connection',
    offline: 'Offline',
    devices: 'Devices',
    devicesOk: 'All working',
    devicesProblem: '{{count}} need attention',
  },
  notice: { offline: 'The library system cannot be reached right now. You can still return items; some services are limited.' },
  screen: {
    menu: 'What would you like to do?',
    checkout: 'Borrow',
    return: 'Return',
    loans: 'My loans',
    holds: 'My reservations',
    receipt: 'Receipt',
    error: 'Something went wrong',
    door: 'Entrance',
    closed: 'Closed',
    technician: 'Technician',
  },
  error: { generic: 'Something went wrong. Please try again or ask the staff.' },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Catalog = Widen<typeof en>;
