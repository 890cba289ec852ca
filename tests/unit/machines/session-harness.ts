import { SimulatedClock, waitFor } from 'xstate';
import { SimulatedCardReader } from '../../../devices/card/simulated-card-reader.ts';
import { SimulatedPrinter } from '../../../devices/printer/simulated-printer.ts';
import { SessionScreens } from '../../../main/app/session-screens.ts';
import type { UiEvent } from '../../../shared/contract/ui-events.ts';
import type { ItemPad, LibraryTag, PadEvent, SecurityState } from '../../../shared/devices/rfid.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import { Emitter } from '../../../shared/events.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { CentralDouble } from '../../doubles/central-double.ts';
import type { ModelEvent } from './session-model.ts';

/** Anna of the demo central system, and one of her loans. */
export const CARD = '23000000000017';
const ANNAS_LOAN = '39000000000094';
const IDLE_SECONDS = 20;
const WARNING_SECONDS = 5;

/** PINs the fake central system answers differently: the patron's, a wrong one, an unknown card, no answer. */
const PIN = { right: '1234', wrong: '9999', unknownCard: '0000', centralDown: '5555' } as const;

/**
 * The central system's side of the conversation: the demo central system
 * (Anna and her loans), scripted where the model needs it: a PIN that
 * stands for an unknown card or for no answer at all, and barcodes
 * starting REF that are reserved for someone else. Every call is recorded.
 */
function scriptedCentral(): CentralDouble {
  return new CentralDouble()
    .script('patronInformation', async (args, next) => {
      const pin = args[1];
      if (pin === PIN.centralDown) throw new OpenBranchError('sip2.timeout', 'no answer');
      const info = await next();
      return pin === PIN.unknownCard ? { ...info, valid: false } : info;
    })
    .script('checkout', ([req], next) =>
      req.itemId.startsWith('REF') ? { ok: false, itemId: req.itemId, refusal: 'on-hold-for-other' as const, screenMessages: [] } : next(),
    );
}

/** An RFID pad in memory: tags come and go, and every security write is kept. */
class MemoryPad implements ItemPad {
  readonly id = 'pad';
  readonly security = new Map<string, SecurityState>();
  readonly tags = new Map<string, LibraryTag>();
  private readonly events = new Emitter<{ e: PadEvent }>();
  items(): LibraryTag[] {
    return [...this.tags.values()];
  }
  onEvent(l: (e: PadEvent) => void) {
    return this.events.on('e', l);
  }
  async setSecurity(uid: string, state: SecurityState) {
    this.security.set(uid, state);
    return { uid, requested: state, confirmed: true };
  }
  place(itemId: string): void {
    const tag: LibraryTag = { uid: `E004${itemId}`, model: 'iso28560-3', usage: 'item', itemId, partsInSet: 1, partNumber: 1 };
    this.tags.set(tag.uid, tag);
    this.security.set(tag.uid, 'secured');
    this.events.emit('e', { type: 'item.placed', tag });
  }
  liftAll(): void {
    for (const uid of [...this.tags.keys()]) {
      this.tags.delete(uid);
      this.events.emit('e', { type: 'item.lifted', uid });
    }
  }
}

/** Model events that are one touch on the screen. */
const UI_EVENT: Partial<Record<ModelEvent['type'], UiEvent>> = {
  START: { type: 'ui.start' },
  PIN_EMPTY: { type: 'pin.entered', pin: '' },
  PIN_WRONG: { type: 'pin.entered', pin: PIN.wrong },
  PIN_UNKNOWN_CARD: { type: 'pin.entered', pin: PIN.unknownCard },
  PIN_CENTRAL_DOWN: { type: 'pin.entered', pin: PIN.centralDown },
  PIN_RIGHT: { type: 'pin.entered', pin: PIN.right },
  CHECKOUT: { type: 'menu.checkout' },
  RETURN: { type: 'menu.return' },
  LOANS: { type: 'menu.loans' },
  HOLDS: { type: 'menu.holds' },
  RENEW: { type: 'loan.renew', itemId: ANNAS_LOAN },
  RENEW_ALL: { type: 'loan.renewAll' },
  PRINT: { type: 'receipt.print' },
  SKIP: { type: 'receipt.skip' },
  BACK: { type: 'ui.back' },
  CANCEL: { type: 'ui.cancel' },
  END: { type: 'session.end' },
};

/** States in which the machine is waiting on the central system, the printer or a timer of its own. */
const BUSY = ['lookup', 'ending', 'afterCard', 'working', 'printing', 'renewing', 'refresh'];

/**
 * The real self-service session (SessionScreens: the session machine with
 * the real item actions, receipt and screen mapping) on a memory pad, the
 * simulated card reader and printer, a scripted central system and a
 * SimulatedClock. `do` performs one model event the way a patron would.
 */
export class KioskUnderTest {
  readonly central = scriptedCentral();
  readonly calls = this.central.calls;
  readonly pad = new MemoryPad();
  readonly card = new SimulatedCardReader('card');
  readonly printer = new SimulatedPrinter('printer');
  readonly clock = new SimulatedClock();
  readonly screens: SessionScreens;
  /** Items whose checkout the central system accepted. */
  readonly lent = new Set<string>();
  private nextItem = 1;

  constructor() {
    this.screens = new SessionScreens({
      central: this.central,
      pad: this.pad,
      cardReaders: [this.card],
      printer: this.printer,
      branchId: 'VAS',
      branchDisplayName: 'Västerås',
      branchName: (c) => c,
      pickupLabel: () => 'A1',
      checkInOnSecurityFailure: false,
      policy: { pinRequired: true, idleSeconds: IDLE_SECONDS, warningSeconds: WARNING_SECONDS, receipt: 'ask' },
      language: () => 'sv',
      logger: silentLogger,
      clock: this.clock,
    });
  }

  async open(): Promise<void> {
    await this.card.open();
    await this.printer.open();
  }

  screen() {
    return this.screens.current().screen;
  }

  async do(event: ModelEvent): Promise<void> {
    const ui = UI_EVENT[event.type];
    if (ui) return this.settle(this.screens.dispatch(ui));
    switch (event.type) {
      case 'CARD':
        return this.settle(this.card.present(CARD));
      case 'CARD_REMOVED':
        return this.settle(this.card.remove(CARD));
      case 'PLACE_LOANABLE':
      case 'PLACE_RETURN':
        return this.placeAndTake(`IT${this.nextItem++}`);
      case 'PLACE_REFUSED':
        return this.placeAndTake(`REF${this.nextItem++}`);
      case 'DONE':
        return this.settle(this.screens.dispatch({ type: this.screen() === 'checkout' ? 'checkout.done' : 'return.done' }));
      case 'IDLE':
        return this.tick(IDLE_SECONDS + 1);
      case 'WAIT_RECEIPT':
        return this.tick(WARNING_SECONDS + 1);
    }
  }

  stop(): void {
    this.screens.stop();
  }

  /** The patron lays an item on the pad, waits for its line, and takes it away. */
  private async placeAndTake(itemId: string): Promise<void> {
    this.central.addItems([itemId]);
    this.pad.place(itemId);
    await this.settle();
    if (this.calls.includes(`checkout ${itemId}`) && !itemId.startsWith('REF')) this.lent.add(itemId);
    this.pad.liftAll();
    await this.settle();
  }

  /** Seconds pass on the fake clock, one at a time (the countdown re-arms every second). */
  private async tick(seconds: number): Promise<void> {
    for (let i = 0; i < seconds; i++) {
      this.clock.increment(1000);
      await this.settle();
    }
  }

  private async settle(_?: unknown): Promise<void> {
    await waitFor(this.screens.actor, (s) => {
      const value = JSON.stringify(s.value);
      return !BUSY.some((b) => value.includes(`"${b}"`)) && s.context.lines.every((l) => l.status !== 'waiting');
    });
  }
}
