import type { Unsubscribe } from '../events.ts';
import type { Device } from './status.ts';

export type CardSource = 'hid' | 'serial' | 'keyboard-wedge' | 'rfid' | 'keypad' | 'simulated';

export interface CardRead {
  /** The card number as the ILS knows it (a patron identifier: never logged in clear). */
  readonly number: string;
  readonly source: CardSource;
  readonly readerId: string;
  readonly at: string;
}

/** A card taken away from a reader that can tell (a card laid on an RFID pad, a simulated reader). */
export interface CardRemoval {
  readonly number: string;
  readonly readerId: string;
}

export interface CardReader extends Device {
  readonly kind: 'card-reader';
  onCard(listener: (card: CardRead) => void): Unsubscribe;
  /** Only readers that see a card leave; swipe and tap readers do not. */
  onRemoved?(listener: (card: CardRemoval) => void): Unsubscribe;
}

/** A PIN pad at the door (HID/serial keypad). Digits only; the PIN itself is never logged. */
export interface PinPad extends Device {
  readonly kind: 'keypad';
  onPin(listener: (pin: { readonly pin: string; readonly readerId: string }) => void): Unsubscribe;
}
