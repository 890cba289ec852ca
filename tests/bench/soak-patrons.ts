/**
 * The soak benchmark's patrons: drive a running kiosk the way a person at
 * the terminal does, through the simulated card reader, the simulated RFID
 * pad and the UI events the screens send. Returns what each patron was told.
 */
import { type SnapshotFrom, waitFor } from 'xstate';
import type { RunningKiosk } from '../../main/app/start-kiosk.ts';
import type { sessionMachine } from '../../main/machines/session.ts';
import type { ItemLine } from '../../shared/contract/session-view.ts';

type Snap = SnapshotFrom<typeof sessionMachine>;
type Flow = 'attract' | 'pin' | 'menu' | 'checkout' | 'return' | 'receipt' | 'error';

/** A tag as it leaves the pad: the same tag comes back later with its security state. */
export interface Tag {
  readonly itemId: string;
  readonly uid: string;
  readonly afi: number;
  readonly eas: boolean;
}

export interface Patron {
  readonly cardNumber: string;
  readonly pin: string;
}

/** What the screen said about each item, in this session. */
export interface Told {
  readonly kind: 'checkout' | 'checkin';
  readonly card: string | undefined;
  readonly lines: readonly ItemLine[];
  /** The patron got no menu (offline and PIN not cached, wrong PIN...): the screen's error. */
  readonly noMenu?: string;
}

const TIMEOUT = { timeout: 30_000 };
const FINAL = new Set<ItemLine['status']>(['done', 'refused', 'see-staff']);
const inFlow = (s: Snap, flow: Flow) => s.matches({ flow } as Parameters<Snap['matches']>[0]);
const settled = (s: Snap, n: number) => s.context.lines.length === n && s.context.lines.every((l) => FINAL.has(l.status));

/** One physical tag per demo item, numbered after it. */
export const tagUid = (itemId: string): string => `E00401${itemId.slice(-10)}`;

export class SoakPatrons {
  private readonly tags = new Map<string, Tag>();

  constructor(private readonly kiosk: RunningKiosk) {}

  private get sim() {
    const { pad, card } = this.kiosk.devices.simulated;
    if (!pad || !card) throw new Error('the soak needs the simulated pad and card reader (embedded default config)');
    return { pad, card };
  }

  private get actor() {
    return this.kiosk.screens.actor;
  }

  /** A patron borrows `items`; gets the receipt printed when asked. Returns the tags they take home (the loans). */
  async borrow(patron: Patron, items: readonly string[], printReceipt: boolean): Promise<{ told: Told; taken: Tag[] }> {
    const { card } = this.sim;
    card.present(patron.cardNumber);
    await waitFor(this.actor, (s) => inFlow(s, 'pin'), TIMEOUT);
    this.kiosk.screens.dispatch({ type: 'pin.entered', pin: patron.pin });
    const after = await waitFor(
      this.actor,
      (s) => inFlow(s, 'menu') || inFlow(s, 'error') || (inFlow(s, 'pin') && s.context.error !== undefined),
      TIMEOUT,
    );
    if (!inFlow(after, 'menu')) {
      this.kiosk.screens.dispatch({ type: 'ui.cancel' });
      await this.toAttract();
      card.remove(patron.cardNumber);
      return { told: { kind: 'checkout', card: patron.cardNumber, lines: [], noMenu: after.context.error ?? 'unknown' }, taken: [] };
    }
    this.kiosk.screens.dispatch({ type: 'menu.checkout' });
    await waitFor(this.actor, (s) => inFlow(s, 'checkout'), TIMEOUT);
    for (const item of items) this.place(item);
    const done = await waitFor(this.actor, (s) => settled(s, items.length), TIMEOUT);
    const lines = done.context.lines;
    this.kiosk.screens.dispatch({ type: 'checkout.done' });
    const next = await waitFor(this.actor, (s) => inFlow(s, 'receipt') || inFlow(s, 'menu'), TIMEOUT);
    if (inFlow(next, 'receipt') && printReceipt) {
      this.kiosk.screens.dispatch({ type: 'receipt.print' });
      await waitFor(this.actor, (s) => s.context.receiptDone !== undefined, TIMEOUT);
      this.kiosk.screens.dispatch({ type: 'session.end' });
    } else if (inFlow(next, 'receipt')) this.kiosk.screens.dispatch({ type: 'receipt.skip' });
    else this.kiosk.screens.dispatch({ type: 'session.end' });
    await this.toAttract();
    card.remove(patron.cardNumber);
    const lifted = await this.liftAll();
    const loaned = new Set(lines.filter((l) => l.status === 'done').map((l) => l.itemId));
    return { told: { kind: 'checkout', card: patron.cardNumber, lines }, taken: lifted.filter((t) => loaned.has(t.itemId)) };
  }

  /** Someone lays a bag of loans on the pad at the attract screen, waits for the answers, takes the bag away. */
  async giveBack(bag: readonly Tag[]): Promise<Told> {
    for (const tag of bag) this.place(tag.itemId);
    const done = await waitFor(this.actor, (s) => inFlow(s, 'return') && settled(s, bag.length), TIMEOUT);
    this.kiosk.screens.dispatch({ type: 'return.done' });
    await this.toAttract();
    await this.liftAll();
    return { kind: 'checkin', card: undefined, lines: done.context.lines };
  }

  /** The item's tag goes on the pad as it last left it (secured on the shelf, released on loan). */
  private place(itemId: string): void {
    const tag = this.tags.get(itemId) ?? { itemId, uid: tagUid(itemId), afi: 0x07, eas: true };
    this.sim.pad.place({ uid: tag.uid, item: { itemId, partsInSet: 1, partNumber: 1 }, afi: tag.afi, eas: tag.eas });
  }

  /** Everything comes off the pad; the kiosk has seen it go. */
  private async liftAll(): Promise<Tag[]> {
    const { pad } = this.sim;
    const lifted = pad.list().map((t) => ({ itemId: t.itemId ?? '?', uid: t.uid, afi: t.afi, eas: t.eas }));
    for (const t of lifted) {
      this.tags.set(t.itemId, t);
      pad.lift(t.uid);
    }
    await waitFor(this.actor, (s) => Object.keys(s.context.onPad).length === 0, TIMEOUT);
    return lifted;
  }

  private async toAttract(): Promise<void> {
    await waitFor(this.actor, (s) => inFlow(s, 'attract'), TIMEOUT);
  }
}
