import { type Actor, type ActorOptions, createActor, fromCallback, fromPromise, type SnapshotFrom } from 'xstate';
import type { SessionData } from '../../shared/contract/session-view.ts';
import type { UiEvent } from '../../shared/contract/ui-events.ts';
import type { Screen } from '../../shared/contract/view.ts';
import type { CardReader } from '../../shared/devices/card.ts';
import type { HoldInfo, PatronInfo, RenewResult } from '../../shared/domain/central.ts';
import { OpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import { clockTimeAfter } from '../door/schedule.ts';
import { checkinItem, checkoutItem, type SessionServices } from '../machines/item-actions.ts';
import { sessionMachine } from '../machines/session.ts';
import type { SessionContext, SessionEvent, SessionPolicy } from '../machines/session-types.ts';
import type { PinAttempts, PinVerdict } from '../security/pin-attempts.ts';
import { type DiscoverDeps, discoverData, providedDiscover } from './discover-screens.ts';
import type { ItemTitles } from './item-titles.ts';
import type { ScreenSource } from './kiosk-shell.ts';
import { type ReceiptDeps, receiptActors, receiptChoices } from './session-receipts.ts';

export interface SessionScreensDeps extends SessionServices, ReceiptDeps {
  /** Counts each transaction's outcome (no patron data). */
  readonly countTransaction?: (kind: 'checkout' | 'checkin' | 'renew', outcome: string) => void;
  readonly cardReaders: readonly CardReader[];
  readonly policy: SessionPolicy;
  readonly logger: Logger;
  /** The patron PIN attempt limit shared with the door, and the branch's time zone for "try again at HH:MM" (undefined: no limit, tests only). */
  readonly pinAttempts?: { readonly limit: PinAttempts; readonly timeZone: string } | undefined;
  /** "Tips för mig": the catalogue and what reserving needs; without it the choice is not offered. */
  readonly discover?: DiscoverDeps;
  /** The machine's timers (idle countdown, receipt screen); tests give a SimulatedClock. */
  readonly clock?: ActorOptions<typeof sessionMachine>['clock'];
  /** Titles for lines that have none (a set missing parts, an offline loan). */
  readonly titles?: Pick<ItemTitles, 'lookup' | 'remember'>;
  /** Staff are in the branch now: a refused item can be handed to them; otherwise the screen says what to do alone. */
  readonly staffedNow?: () => boolean;
}

type Snapshot = SnapshotFrom<typeof sessionMachine>;

/** The composition of the session machine with real services, seen by the shell as screens. */
export class SessionScreens implements ScreenSource {
  readonly actor: Actor<typeof sessionMachine>;
  private readonly changes = new Emitter<{ change: undefined; ended: undefined }>();
  private lastFlow = 'attract';
  /** Items whose title was asked for in this session (asked once). */
  private readonly titleAsked = new Set<string>();

  constructor(private readonly deps: SessionScreensDeps) {
    const d = deps;
    const counted = (kind: 'checkout' | 'checkin', itemId: string, patch: Awaited<ReturnType<typeof checkoutItem>>) => {
      d.countTransaction?.(kind, patch.status === 'done' ? 'ok' : (patch.reason ?? patch.status ?? 'other'));
      d.titles?.remember(itemId, patch.title);
      return patch;
    };
    const machine = sessionMachine.provide({
      actors: {
        padEvents: fromCallback<SessionEvent>(({ sendBack }) => {
          if (!d.pad) return () => {};
          const pad = d.pad;
          for (const tag of pad.items()) sendBack({ type: 'pad.placed', tag });
          return pad.onEvent((e) => {
            if (e.type === 'item.placed') sendBack({ type: 'pad.placed', tag: e.tag });
            else if (e.type === 'item.lifted') sendBack({ type: 'pad.lifted', uid: e.uid });
            else sendBack({ type: 'pad.unreadable', uid: e.uid, reason: e.reason });
          });
        }),
        cardEvents: fromCallback<SessionEvent>(({ sendBack }) => {
          const offs = d.cardReaders.flatMap((r) => [
            r.onCard((c) => sendBack({ type: 'card.read', number: c.number })),
            r.onRemoved?.((c) => sendBack({ type: 'card.removed', number: c.number })) ?? (() => {}),
          ]);
          return () => {
            for (const off of offs) off();
          };
        }),
        fetchPatron: fromPromise(async ({ input }) => {
          const info = await this.patron(input.cardNumber, input.pin);
          // Titles of her loans, for lines that have none later (a set missing parts, an offline loan).
          for (const loan of info.loans) d.titles?.remember(loan.itemId, loan.title);
          return info;
        }),
        checkoutItem: fromPromise(async ({ input }) =>
          counted('checkout', input.job.itemId, await checkoutItem(d, input.patron!, input.job.itemId, input.job.uids)),
        ),
        checkinItem: fromPromise(async ({ input }) =>
          counted('checkin', input.job.itemId, await checkinItem(d, input.job.itemId, input.job.uids)),
        ),
        renew: fromPromise(async ({ input }): Promise<RenewResult[]> => {
          const { patron, itemId } = input;
          const ids = itemId ? [itemId] : patron.info.loans.map((l) => l.itemId);
          const out: RenewResult[] = [];
          for (const id of ids) {
            const r = await d.central.renew(patron.cardNumber, id, patron.pin);
            d.countTransaction?.('renew', r.ok ? 'ok' : 'refused');
            out.push(r);
          }
          return out;
        }),
        ...receiptActors(d),
        // Said goodbye to the central system in the background: the start screen is the next patron's at once.
        endSession: fromPromise(async ({ input }) => {
          if (input.cardNumber) void d.central.endSession(input.cardNumber).catch(() => undefined);
        }),
        ...(d.discover ? { discover: providedDiscover(d.discover) } : {}),
      },
    });
    this.actor = createActor(machine, {
      input: { policy: deps.policy },
      ...(deps.clock ? { clock: deps.clock } : {}),
      // The discover machine is a child: its steps change the screen without changing the session's own snapshot.
      inspect: (e) => {
        if (e.type === '@xstate.snapshot' && (e.actorRef as { id?: string }).id === 'discover') this.changes.emit('change', undefined);
      },
    });
    deps.discover?.catalog.onChange(() => this.changes.emit('change', undefined));
    this.actor.subscribe({
      next: (snap) => {
        const flow = flowName(snap);
        // A patron may place items from the first screen of a session on: the pad looks more often until it ends.
        if (flow !== this.lastFlow) deps.pad?.setPace?.(flow === 'attract' || flow === 'ending' ? 'idle' : 'active');
        if (flow === 'ending' && this.lastFlow !== 'ending') {
          this.titleAsked.clear();
          this.changes.emit('ended', undefined);
        }
        this.lastFlow = flow;
        this.askTitles(snap.context.lines);
        this.changes.emit('change', undefined);
      },
      error: (e) => deps.logger.error({ err: e instanceof Error ? e.message : String(e) }, 'session machine failed'),
    });
    this.actor.start();
  }

  /**
   * The patron lookup, behind the PIN attempt limit the door shares: the
   * attempt is counted before the PIN is checked (online or against the
   * offline cache); a card over the limit is refused without a check.
   */
  private async patron(card: string, pin: string | undefined): Promise<PatronInfo> {
    const { pinAttempts, central } = this.deps;
    if (!pinAttempts || pin === undefined || pin === '') return central.patronInformation(card, pin);
    const guarded = await pinAttempts.limit.guard(card, () => central.patronInformation(card, pin), patronPinVerdict);
    // The wrong PIN that reached the limit already says so, and until when.
    const until = guarded.ok ? guarded.lockedUntil : guarded.retryAt;
    if (guarded.ok && until === undefined) return guarded.value;
    throw new OpenBranchError('central.pin-locked-out', 'too many wrong PINs for this card', {
      retryAt: clockTimeAfter(until!, pinAttempts.timeZone),
    });
  }

  current(): { screen: Screen; data: Record<string, unknown>; idleSecondsLeft?: number } {
    const snap = this.actor.getSnapshot();
    const left = snap.context.idleLeft;
    const screen = screenOf(snap);
    const child = snap.children.discover as { getSnapshot(): Parameters<typeof discoverData>[0] } | undefined;
    const data =
      screen === 'discover' && child && this.deps.discover
        ? discoverData(child.getSnapshot(), this.deps.discover)
        : dataOf(snap, this.deps);
    return {
      screen,
      data: data as Record<string, unknown>,
      ...(left !== undefined ? { idleSecondsLeft: left } : {}),
    };
  }

  onChange(listener: () => void): Unsubscribe {
    return this.changes.on('change', listener);
  }

  /** Looks up the title of each item on screen that has none, once per session; the answer lands on its line. */
  private askTitles(lines: SessionContext['lines']): void {
    const titles = this.deps.titles;
    if (!titles) return;
    for (const line of lines) {
      if (line.title || line.titleUnknown || line.itemId === '?' || line.status === 'waiting' || line.status === 'processing') continue;
      if (this.titleAsked.has(line.itemId)) continue;
      this.titleAsked.add(line.itemId);
      void titles.lookup(line.itemId).then((title) => this.actor.send({ type: 'item.titled', itemId: line.itemId, title }));
    }
  }

  onSessionEnd(listener: () => void): Unsubscribe {
    return this.changes.on('ended', listener);
  }

  dispatch(event: UiEvent): void {
    this.actor.send(event);
  }

  reset(): void {
    this.actor.send({ type: 'idle.timeout' });
  }

  stop(): void {
    this.actor.stop();
  }
}

const FLOW_SCREEN: Record<string, Screen> = {
  attract: 'attract',
  ending: 'attract',
  identify: 'identify',
  afterCard: 'identify',
  pin: 'pin',
  menu: 'menu',
  checkout: 'checkout',
  return: 'return',
  loans: 'loans',
  holds: 'holds',
  discover: 'discover',
  receipt: 'receipt',
  error: 'error',
};

const flowName = (snap: Snapshot): string => {
  const flow = (snap.value as { flow: string | Record<string, unknown> }).flow;
  return typeof flow === 'string' ? flow : Object.keys(flow)[0]!;
};

export function screenOf(snap: Snapshot): Screen {
  const name = flowName(snap);
  if (name === 'lookup') return snap.context.pin !== undefined ? 'pin' : 'identify';
  return FLOW_SCREEN[name] ?? 'attract';
}

function dataOf(snap: Snapshot, deps: SessionScreensDeps): SessionData {
  const c = snap.context;
  const info = c.patron?.info;
  const hold = (h: HoldInfo) => ({
    ...(h.title ? { title: h.title } : {}),
    ...(h.pickupLocation ? { pickupLocation: deps.branchName(h.pickupLocation) } : {}),
  });
  const renewal = (itemId: string) => {
    const r = c.renewals[itemId];
    return r ? { renewal: r.ok ? 'renewed' : (r.refusal ?? 'other'), ...(r.ok && r.dueDate ? { renewedDue: r.dueDate } : {}) } : {};
  };
  return {
    ...(info ? { patronName: info.name.split(/\s+/)[0] ?? '' } : {}),
    ...(c.error ? { error: c.error } : {}),
    ...(c.retryAt ? { retryAt: c.retryAt } : {}),
    pinRequired: c.policy.pinRequired,
    items: [...c.lines],
    ...(info
      ? {
          loans: info.loans.map((l) => ({
            itemId: l.itemId,
            ...(l.title ? { title: l.title } : {}),
            ...(l.dueDate ? { dueDate: l.dueDate } : {}),
            ...(l.overdue ? { overdue: true } : {}),
            ...renewal(l.itemId),
          })),
          holdsReady: info.holdsReady.map(hold),
          holdsPending: info.holdsPending.map(hold),
          blockReasons: [...info.blockReasons],
          mayBorrow: info.mayBorrow,
        }
      : {}),
    ...receiptChoices(c, deps),
    ...(snap.matches({ flow: { receipt: 'emailing' } }) ? { receiptSending: true } : {}),
    ...(c.receiptDone ? { receiptDone: c.receiptDone } : {}),
    // What the receipt and the closing screen are about: loans, or returns made without a card.
    receiptKind: c.patron || !c.lines.some((l) => l.route) ? 'checkout' : 'return',
    ...(snap.matches({ flow: { receipt: 'done' } }) ? { finished: true } : {}),
    ...(snap.matches({ flow: { loans: 'renewing' } }) || snap.matches({ flow: { loans: 'refresh' } }) ? { renewing: true } : {}),
    staffed: deps.staffedNow?.() ?? true,
    ...(deps.central.health() === 'offline' ? { offline: true } : {}),
    ...(deps.discover?.catalog.ready() ? { discover: true } : {}),
  };
}

/** What a patron lookup showed about the PIN: right, wrong (online or against the offline cache), or not compared. */
function patronPinVerdict(info: PatronInfo): PinVerdict {
  if (!info.valid || info.extra.pin === 'not-cached') return 'unchecked';
  return info.pinValid ? 'right' : 'wrong';
}
