import { SimulatedCardReader } from '../../../devices/card/simulated-card-reader.ts';
import { SessionScreens } from '../../../main/app/session-screens.ts';
import { extractRecord } from '../../../main/catalog/extract.ts';
import { KioskCatalog } from '../../../main/catalog/kiosk-catalog.ts';
import { OaiReader, type OaiRecord } from '../../../main/catalog/oai-reader.ts';
import { DemoCatalog } from '../../../main/central/demo/catalog/catalog.ts';
import { answerOai } from '../../../main/central/demo/oai/oai-responses.ts';
import { catalogSchema } from '../../../shared/config/catalog.ts';
import type { DiscoverData } from '../../../shared/contract/discover-view.ts';
import type { CentralHealth, CentralSystem, HoldRequest, PatronInfo } from '../../../shared/domain/central.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import { silentLogger } from '../../../shared/logger.ts';

export const ANNA = '23000000000017';
export const PIN = '1234';

/** The demo catalogue through the real OAI reader and extractor into a real (in-memory) kiosk catalogue. */
export function kioskCatalog(size = 400): KioskCatalog {
  const catalog = new KioskCatalog({
    config: catalogSchema.parse({}),
    file: ':memory:',
    oaiUrl: undefined,
    here: 'VAS',
    logger: silentLogger,
  });
  const demo = new DemoCatalog({ size, today: new Date(Date.UTC(2026, 10, 30)) });
  const records: OaiRecord[] = [];
  const reader = new OaiReader({ record: (r) => records.push(r), token: () => {}, error: () => {} });
  reader.write(
    answerOai(
      { catalog: demo, baseUrl: 'x', pageSize: size, now: () => new Date() },
      new URLSearchParams('verb=ListRecords&metadataPrefix=marcxml'),
    ),
  );
  reader.end();
  const id = (r: OaiRecord) => r.identifier.split(':').pop()!;
  catalog.store.apply(
    records.map((r) =>
      r.marc
        ? { id: id(r), datestamp: r.datestamp, deleted: false, record: extractRecord(r.marc, id(r)) }
        : { id: id(r), datestamp: r.datestamp, deleted: true },
    ),
    1,
  );
  return catalog;
}

/** The central system's side, scripted: Anna with PIN 1234; holds recorded, refused or failing as told. */
export class ScriptedCentral implements CentralSystem {
  readonly holds: HoldRequest[] = [];
  /** PINs the kiosk asked the central system to check. */
  readonly pinsChecked: string[] = [];
  state: CentralHealth = 'online';
  holdAnswer: 'ok' | 'already-reserved' | 'link-down' = 'ok';
  health = () => this.state;
  onHealth = () => () => {};
  async patronInformation(card: string, pin?: string): Promise<PatronInfo> {
    if (pin !== undefined) this.pinsChecked.push(pin);
    return {
      cardNumber: card,
      name: 'Anna Lindqvist',
      valid: card === ANNA,
      pinValid: pin === PIN,
      mayBorrow: true,
      blockReasons: [],
      fines: { amount: 0, currency: 'SEK' },
      screenMessages: [],
      loans: [{ itemId: '39000000000094', title: 'Populärmusik från Vittula' }],
      holdsReady: [],
      holdsPending: [],
      overdueCount: 0,
      extra: {},
    };
  }
  async hold(request: HoldRequest) {
    if (this.holdAnswer === 'link-down') throw new OpenBranchError('sip2.timeout', 'no answer');
    this.holds.push(request);
    return this.holdAnswer === 'ok'
      ? { ok: true, itemId: request.itemId!, pickupLocation: request.pickupLocation, queuePosition: 2, screenMessages: [] }
      : { ok: false, refusal: 'already-reserved' as const, screenMessages: [] };
  }
  checkout = async () => ({ ok: false, itemId: '', screenMessages: [] });
  checkin = async () => ({ ok: false, itemId: '', route: { kind: 'shelf' as const }, screenMessages: [] });
  renew = async () => ({ ok: false, itemId: '', screenMessages: [] });
  itemInformation = async (itemId: string) => ({ itemId, known: false, circulation: 'unknown' as const });
  endSession = async () => {};
}

/** The kiosk's session screens with "Tips för mig" on a real catalogue and the scripted central system. */
export async function discoverKiosk(o: { pinRequired?: boolean } = {}) {
  const central = new ScriptedCentral();
  const catalog = kioskCatalog();
  const card = new SimulatedCardReader('card');
  await card.open();
  const screens = new SessionScreens({
    central,
    pad: undefined,
    cardReaders: [card],
    printer: undefined,
    branchId: 'VAS',
    branchDisplayName: 'Västerås stadsbibliotek',
    branchName: (c) => c,
    pickupLabel: () => '',
    checkInOnSecurityFailure: false,
    policy: { pinRequired: o.pinRequired ?? true, idleSeconds: 60, warningSeconds: 10, receipt: 'none' },
    language: () => 'sv',
    logger: silentLogger,
    discover: {
      catalog,
      central,
      here: 'VAS',
      branches: [
        { code: 'VAS', name: 'Västerås stadsbibliotek' },
        { code: 'KOP', name: 'Köpings bibliotek' },
      ],
      emediaLinkTemplate: 'https://emedia.example/isbn/{isbn}',
      opacLinkTemplate: 'https://opac.example/{id}',
    },
  });
  const view = () => screens.current();
  const data = () => view().data as unknown as DiscoverData;
  /** Resolves when the screen shows `step` of "Tips för mig", or another `screen` (the machines' actors are promises). */
  const step = (want: DiscoverData['step'], screen = 'discover') =>
    new Promise<DiscoverData>((resolve, reject) => {
      const check = () => {
        if (view().screen === screen && (screen !== 'discover' || data().step === want)) {
          off();
          resolve(data());
        }
      };
      const off = screens.onChange(check);
      const timer = setTimeout(() => {
        off();
        reject(new Error(`never reached ${want}; at ${view().screen}/${data().step}`));
      }, 5_000);
      timer.unref();
      check();
    });
  return { central, catalog, card, screens, data, step, send: (e: Parameters<SessionScreens['dispatch']>[0]) => screens.dispatch(e) };
}
