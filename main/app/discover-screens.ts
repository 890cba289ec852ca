import { assign, fromPromise, type SnapshotFrom } from 'xstate';
import type { DiscoverData } from '../../shared/contract/discover-view.ts';
import type { CentralSystem, HoldResult, PatronInfo } from '../../shared/domain/central.ts';
import { CHOICES, type Preferences } from '../../shared/domain/discover.ts';
import { isTransient } from '../../shared/errors.ts';
import { copyToReserve, type KioskCatalog } from '../catalog/kiosk-catalog.ts';
import { fillLink, phoneList } from '../catalog/links.ts';
import type { Match } from '../catalog/recommend.ts';
import { type DiscoverPatron, discoverMachine } from '../machines/discover.ts';

export interface DiscoverDeps {
  readonly catalog: KioskCatalog;
  /** The central system as the flows see it (behind the queue, which refuses holds offline: never queued). */
  readonly central: CentralSystem;
  readonly here: string;
  /** Pick-up branches, this branch first. */
  readonly branches: readonly { readonly code: string; readonly name: string }[];
  readonly emediaLinkTemplate: string | undefined;
  readonly opacLinkTemplate: string | undefined;
}

/** The discover machine with the kiosk's catalogue and central system supplied. */
export function providedDiscover(d: DiscoverDeps) {
  return discoverMachine.provide({
    actors: {
      search: fromPromise<Match[], { prefs: Preferences }>(async ({ input }) => d.catalog.recommend(input.prefs)),
      lookupPatron: fromPromise<PatronInfo, { cardNumber: string; pin: string | undefined }>(({ input }) =>
        d.central.patronInformation(input.cardNumber, input.pin),
      ),
      placeHold: fromPromise<HoldResult, { patron: DiscoverPatron; recordId: string; pickup: string }>(async ({ input }) => {
        const record = d.catalog.record(input.recordId);
        const itemId = record ? copyToReserve(record, d.here) : undefined;
        if (!record || !itemId || !d.central.hold) return { ok: false, refusal: 'not-reservable', screenMessages: [] };
        try {
          return await d.central.hold({
            cardNumber: input.patron.cardNumber,
            ...(input.patron.pin === undefined ? {} : { pin: input.patron.pin }),
            itemId,
            titleId: record.title,
            pickupLocation: input.pickup,
          });
        } catch (e) {
          // The link went down: the machine says "offline". Anything else is a refusal without a reason.
          if (isTransient(e)) throw e;
          return { ok: false, refusal: 'unknown', screenMessages: [] };
        }
      }),
    },
    actions: { pickupHere: assign({ pickup: d.here }) },
    guards: {
      offline: () => d.central.health() === 'offline',
      pickupAllowed: ({ event }) => event.type === 'discover.pickup' && d.branches.some((b) => b.code === event.branch),
    },
  });
}

type Snapshot = SnapshotFrom<typeof discoverMachine>;

/** What the discover screen shows: choices, matches with their reasons and links, the pick-up choice, the result. */
export function discoverData(snap: Snapshot, d: DiscoverDeps): DiscoverData {
  const c = snap.context;
  const step = (typeof snap.value === 'string' ? snap.value : 'choose') as string;
  const name = (code: string) => d.branches.find((b) => b.code === code)?.name ?? code;
  const matches = c.matches.map((m) => {
    const emediaUrl = m.group === 'emedia' ? fillLink(d.emediaLinkTemplate, m) : undefined;
    return {
      id: m.id,
      title: m.title,
      ...(m.author ? { author: m.author } : {}),
      ...(m.year ? { year: m.year } : {}),
      format: m.format,
      ...(m.language ? { language: m.language } : {}),
      genres: [...m.genres],
      group: m.group,
      ...(m.shelf ? { shelf: m.shelf } : {}),
      branches: m.branches.map(name),
      reasons: m.reasons.map((r) => ({ key: r.key, ...(r.values ? { values: { ...r.values } } : {}) })),
      ...(emediaUrl ? { emediaUrl } : {}),
    };
  });
  const phoneText = phoneList(d.opacLinkTemplate, c.matches);
  return {
    step: (step === 'afterCard' ? 'identify' : step === 'done' ? 'choose' : step) as DiscoverData['step'],
    prefs: {
      genre: [...c.prefs.genre],
      format: [...c.prefs.format],
      language: [...c.prefs.language],
      age: [...c.prefs.age],
      ...(c.prefs.like ? { like: c.prefs.like } : {}),
    },
    choices: { genre: [...CHOICES.genre], format: [...CHOICES.format], language: [...CHOICES.language], age: [...CHOICES.age] },
    likeOptions: c.patron ? d.catalog.likeOptions(c.patron.loans) : [],
    matches,
    ...(c.target ? { target: { ...c.target } } : {}),
    ...(step === 'pickup' || step === 'reserving' ? { pickup: { selected: c.pickup, branches: d.branches.map((b) => ({ ...b })) } } : {}),
    ...(c.result
      ? {
          result: {
            pickupName: name(c.result.pickup),
            ...(c.result.queuePosition === undefined ? {} : { queuePosition: c.result.queuePosition }),
            ...(c.result.refusal ? { refusal: c.result.refusal } : {}),
          },
        }
      : {}),
    ...(c.error ? { error: c.error } : {}),
    ...(phoneText && (step === 'phone' || step === 'results') ? { phoneText } : {}),
    loggedIn: c.patron !== undefined,
    pinRequired: c.pinRequired,
    canReserve: d.central.health() !== 'offline',
  };
}
