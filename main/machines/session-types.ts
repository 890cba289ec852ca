import type { ItemLine } from '../../shared/contract/session-view.ts';
import type { UiEvent } from '../../shared/contract/ui-events.ts';
import type { LibraryTag } from '../../shared/devices/rfid.ts';
import type { PatronInfo } from '../../shared/domain/central.ts';

/** A patron who has identified at the terminal. The PIN is kept only for this session's SIP2 calls. */
export interface SessionPatron {
  readonly cardNumber: string;
  readonly pin: string | undefined;
  readonly info: PatronInfo;
}

/** One tag's place in its set, as the tag itself says. */
export interface TagPart {
  readonly part: number;
  readonly of: number;
}

/** Tags of one item on the pad (a multi-part set has several). */
export interface ItemOnPad {
  readonly itemId: string;
  readonly tags: Readonly<Record<string, TagPart>>;
}

export interface SessionPolicy {
  readonly pinRequired: boolean;
  readonly idleSeconds: number;
  readonly warningSeconds: number;
  readonly receipt: 'print' | 'ask' | 'none' | 'email';
  /** The library's mail relay is configured: a patron with an e-mail address may have the receipt sent there. */
  readonly emailReceipts?: boolean;
}

export interface SessionContext {
  readonly policy: SessionPolicy;
  readonly cardNumber: string | undefined;
  /** Typed PIN, until the patron lookup has used it. */
  readonly pin: string | undefined;
  /** The loan being renewed (undefined: renew all). */
  readonly renewing: string | undefined;
  readonly patron: SessionPatron | undefined;
  readonly lines: readonly ItemLine[];
  /** The line whose SIP2 transaction is under way: its result goes to this line, whatever the pad did meanwhile. */
  readonly activeKey: string | undefined;
  readonly onPad: Readonly<Record<string, ItemOnPad>>;
  readonly error: string | undefined;
  /** With error `locked-out`: when the card may try its PIN again (HH:MM, the branch's time). */
  readonly retryAt: string | undefined;
  readonly idleLeft: number | undefined;
  readonly receiptDone: 'printed' | 'emailed' | 'skipped' | 'failed' | undefined;
  /** The relay did not take the e-mailed receipt: the question comes back without that choice. */
  readonly receiptEmailFailed: boolean;
  /** What each renewal of this session came to, by item (shown on the loan's line). */
  readonly renewals: Readonly<Record<string, RenewOutcome>>;
  /** Titles looked up for items on the pad (a set still missing parts, an offline loan); null: not known offline. */
  readonly titles: Readonly<Record<string, string | null>>;
}

export interface RenewOutcome {
  readonly ok: boolean;
  readonly dueDate?: string;
  readonly refusal?: string;
}

export type DeviceEvent =
  | { readonly type: 'pad.placed'; readonly tag: LibraryTag }
  | { readonly type: 'pad.lifted'; readonly uid: string }
  | { readonly type: 'pad.unreadable'; readonly uid: string; readonly reason: string }
  | { readonly type: 'card.read'; readonly number: string }
  | { readonly type: 'card.removed'; readonly number: string };

export type SessionEvent =
  | UiEvent
  | DeviceEvent
  | { readonly type: 'item.titled'; readonly itemId: string; readonly title: string | null }
  | { readonly type: 'idle.start' }
  | { readonly type: 'idle.finish' }
  | { readonly type: 'idle.stop' }
  | { readonly type: 'idle.timeout' };

export const emptyContext: Omit<SessionContext, 'policy'> = {
  cardNumber: undefined,
  pin: undefined,
  renewing: undefined,
  patron: undefined,
  lines: [],
  activeKey: undefined,
  onPad: {},
  error: undefined,
  retryAt: undefined,
  idleLeft: undefined,
  receiptDone: undefined,
  receiptEmailFailed: false,
  renewals: {},
  titles: {},
};
