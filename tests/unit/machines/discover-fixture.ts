import { SimulatedCardReader } from '../../../devices/card/simulated-card-reader.ts';
import { SessionScreens } from '../../../main/app/session-screens.ts';
import { extractRecord } from '../../../main/catalog/extract.ts';
import { KioskCatalog } from '../../../main/catalog/kiosk-catalog.ts';
import { OaiReader, type OaiRecord } from '../../../main/catalog/oai-reader.ts';
import { DemoCatalog } from '../../../main/central/demo/catalog/catalog.ts';
import { answerOai } from '../../../main/central/demo/oai/oai-responses.ts';
import { catalogSchema } from '../../../shared/config/catalog.ts';
import type { DiscoverData } from '../../../shared/contract/discover-view.ts';
import type { HoldRequest } from '../../../shared/domain/central.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { CentralDouble } from '../../doubles/central-double.ts';

export const ANNA = '23000000000017';
export const PIN = '1234';
const VITTULA = '39000000000094';

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

type HoldAnswer = 'ok' | 'already-reserved' | 'link-down';

/**
 * The central system's side: the one CentralSystem double (the demo's Anna,
 * PIN 1234), scripted so that Anna's only loan is "Populärmusik från
 * Vittula" (the "like this one" choice the tests expect), every PIN the
 * kiosk asks about is recorded, and holds are recorded and answered as
 * `holdAnswer` says (the catalogue's copies are not the demo's items).
 */
export function scriptedCentral() {
  const central = Object.assign(new CentralDouble(), {
    holds: [] as HoldRequest[],
    /** PINs the kiosk asked the central system to check. */
    pinsChecked: [] as string[],
    holdAnswer: 'ok' as HoldAnswer,
  });
  return central
    .script('patronInformation', async (args, next) => {
      if (args[1] !== undefined) central.pinsChecked.push(args[1]);
      const info = await next();
      return { ...info, loans: info.loans.filter((l) => l.itemId === VITTULA) };
    })
    .script('hold', async ([request]) => {
      if (central.holdAnswer === 'link-down') throw new OpenBranchError('sip2.timeout', 'no answer');
      central.holds.push(request);
      return central.holdAnswer === 'ok'
        ? { ok: true, itemId: request.itemId!, pickupLocation: request.pickupLocation, queuePosition: 2, screenMessages: [] }
        : { ok: false, refusal: 'already-reserved' as const, screenMessages: [] };
    });
}

/** The kiosk's session screens with "Tips för mig" on a real catalogue and the scripted central system. */
export async function discoverKiosk(o: { pinRequired?: boolean } = {}) {
  const central = scriptedCentral();
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
