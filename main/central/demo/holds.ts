import { DEMO_BRANCHES } from './data.ts';
import type { DemoLibrary } from './library.ts';

/** A patron may have this many reservations at once in the demo region (Koha's "holds allowed"). */
export const MAX_HOLDS = 10;

export interface HoldAsked {
  readonly card: string;
  readonly pin: string | undefined;
  readonly itemId: string;
  readonly titleId: string;
  readonly pickup: string;
}

/** ok=false with `message` undefined is Koha's silent refusal (CanItemBeReserved said no). */
export type HoldAnswer =
  | {
      readonly ok: true;
      readonly itemId: string;
      readonly biblio: string;
      readonly pickup: string;
      readonly queue: number;
      readonly available: boolean;
    }
  | { readonly ok: false; readonly message?: string };

/** The patron (PIN checked when given) and the copy asked for, or Koha's text for whichever is missing. */
function target(lib: DemoLibrary, a: HoldAsked) {
  const patron = lib.patron(a.card);
  if (!patron || (a.pin !== undefined && a.pin !== patron.pin)) return { ok: false as const, message: 'Invalid Patron.' };
  // Koha looks the copy up by barcode ($item_id || $title_id); the demo also takes a record id as title id.
  const item = lib.item(a.itemId || a.titleId) ?? (a.titleId ? lib.copiesOf(a.titleId)[0] : undefined);
  if (!item) return { ok: false as const, message: 'No such item.' };
  return { ok: true as const, patron, item };
}

/**
 * Koha's hold rules as the demo region has them. The texts are those of
 * C4/SIP/ILS.pm add_hold and ILS/Transaction/Hold.pm; refusals from
 * CanItemBeReserved (not reservable, already reserved, too many, patron
 * blocked) carry no text, exactly as Koha sends them.
 */
export function placeHold(lib: DemoLibrary, a: HoldAsked): HoldAnswer {
  const found = target(lib, a);
  if (!found.ok) return found;
  const { patron, item } = found;
  const pickup = a.pickup || patron.home;
  if (!DEMO_BRANCHES.some((b) => b.code === pickup)) return { ok: false, message: 'Item cannot be transferred.' };
  const block = lib.patronBlock(patron);
  if (block === 'fines') return { ok: false, message: 'Excessive fees blocking placement of hold.' };
  if (block) return { ok: false };
  if (item.notForLoan) return { ok: false };
  const biblio = item.biblio ?? item.itemId;
  const sameTitle = (itemId: string, holdBiblio: string | undefined) => (holdBiblio ?? lib.item(itemId)?.biblio ?? itemId) === biblio;
  const mine = lib.holdsOf(a.card);
  if (mine.some((h) => sameTitle(h.itemId, h.biblio))) return { ok: false };
  if (mine.length >= MAX_HOLDS) return { ok: false };
  lib.holds.push({ itemId: item.itemId, biblio, cardNumber: a.card, pickup, waiting: false, placedAt: lib.now() });
  const copies = item.biblio ? lib.copiesOf(item.biblio) : [item];
  return {
    ok: true,
    itemId: item.itemId,
    biblio,
    pickup,
    queue: lib.holds.filter((h) => sameTitle(h.itemId, h.biblio)).length,
    available: copies.some((c) => !c.notForLoan && !lib.loans.has(c.itemId)),
  };
}

/** Hold mode "-": removes the patron's hold on that title; nothing to remove is ok=0 (as Koha's drop_hold). */
export function cancelHold(lib: DemoLibrary, a: HoldAsked): HoldAnswer {
  const found = target(lib, a);
  if (!found.ok) return found;
  const { item } = found;
  const biblio = item.biblio ?? item.itemId;
  const i = lib.holds.findIndex((h) => h.cardNumber === a.card && (h.itemId === item.itemId || (h.biblio ?? h.itemId) === biblio));
  if (i < 0) return { ok: false };
  const [removed] = lib.holds.splice(i, 1);
  return { ok: true, itemId: removed!.itemId, biblio, pickup: removed!.pickup, queue: 0, available: false };
}
