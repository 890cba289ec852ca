/**
 * The catalogue at the size of a region (about 100,000 records): a harvest
 * from the demo OAI-PMH endpoint running as its own process, with memory
 * printed as it goes (flat: records are streamed, a page at a time), the
 * size the catalogue adds to the data folder, and search latency. Each
 * figure is printed beside a reference measured in the same run: the
 * endpoint read without parsing or storing (what the server and HTTP
 * allow), and the same searches as plain scans without the indexes.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { harvest } from '../../main/catalog/harvester.ts';
import { queryFor, rankMatches } from '../../main/catalog/recommend.ts';
import { type CatalogQuery, searchCatalog } from '../../main/catalog/search.ts';
import { CatalogStore, openCatalogDb } from '../../main/catalog/store.ts';
import { NO_PREFERENCES, type Preferences } from '../../shared/domain/discover.ts';
import { silentLogger } from '../../shared/logger.ts';
import { DemoAcsProcess } from '../integration/catalog/demo-acs-process.ts';
import { nowMs, summary } from './stats.ts';

const SLOTS = Number(process.env.CATALOG_BENCH_SLOTS ?? 102_100); // 2% are deleted: 100,058 live records
const PAGE = Number(process.env.CATALOG_BENCH_PAGE ?? 100);
const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
const memory = () => {
  const m = process.memoryUsage();
  return `rss ${mb(m.rss)}, heap ${mb(m.heapUsed)}`;
};

/** Reads every page of the list (following tokens) without parsing XML or storing: the server + HTTP ceiling. */
async function rawRead(url: string): Promise<{ bytes: number; seconds: number }> {
  const started = nowMs();
  let bytes = 0;
  let query = 'verb=ListRecords&metadataPrefix=marcxml';
  for (;;) {
    const text = await (await fetch(`${url}?${query}`)).text();
    bytes += Buffer.byteLength(text);
    const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(text)?.[1];
    if (!token) break;
    query = `verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`;
  }
  return { bytes, seconds: (nowMs() - started) / 1000 };
}

/** Wall time and this process's CPU time per call (on a shared machine the wall time includes waiting for a core). */
function timeQueries(label: string, runs: number, fn: () => unknown): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < 20; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = nowMs();
    const c = process.cpuUsage();
    fn();
    const d = process.cpuUsage(c);
    wall.push(nowMs() - t);
    cpu.push((d.user + d.system) / 1000);
  }
  console.log(`  ${label}: wall ${summary(wall)}; cpu ${summary(cpu)}`);
  return { wall, cpu };
}

export default async function (): Promise<void> {
  const server = await DemoAcsProcess.start(['--catalog-size', String(SLOTS), '--page-size', String(PAGE)]);
  const dir = mkdtempSync(join(tmpdir(), 'ob-catalog-bench-'));
  const file = join(dir, 'catalog.sqlite');
  try {
    console.log(`demo endpoint: ${SLOTS.toLocaleString('en')} record slots, ${PAGE} records per page, its own process`);
    const raw = await rawRead(server.oaiUrl);
    console.log(`reference, the endpoint read without parsing or storing: ${mb(raw.bytes)} in ${raw.seconds.toFixed(1)} s`);

    const db = openCatalogDb(file);
    const store = new CatalogStore(db);
    console.log(`harvest start: ${memory()}; load average ${loadavg()[0]!.toFixed(1)} on this machine`);
    let next = 10_000;
    const started = nowMs();
    const cpuStart = process.cpuUsage();
    // What a patron at the kiosk would feel while the harvest runs in the same process: event-loop delay.
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const result = await harvest(store, {
      url: server.oaiUrl,
      timeoutMs: 60_000,
      retries: 3,
      backoffMs: 500,
      maxBackoffMs: 5_000,
      logger: silentLogger,
      onProgress: (p) => {
        if (p.stored < next) return;
        next += 10_000;
        console.log(
          `  ${p.stored.toLocaleString('en')} records, ${Math.round(p.stored / ((nowMs() - started) / 1000))} records/s, ${memory()}`,
        );
      },
    });
    loop.disable();
    const seconds = (nowMs() - started) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const ms = (ns: number) => (ns / 1e6).toFixed(0);
    console.log(
      `event-loop delay during the harvest: p50 ${ms(loop.percentile(50))} ms, p99 ${ms(loop.percentile(99))} ms, max ${ms(loop.max)} ms`,
    );
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const rate = Math.round(result.stored / seconds);
    console.log(
      `harvest: ${result.stored.toLocaleString('en')} records in ${seconds.toFixed(1)} s = ${rate.toLocaleString('en')} records/s ` +
        `(target >= 1,000/s; the endpoint alone, read without parsing, served ${Math.round(result.listSize! / raw.seconds).toLocaleString('en')} records/s); ` +
        `the harvester's own CPU: ${cpuSeconds.toFixed(1)} s = ${Math.round(result.stored / cpuSeconds).toLocaleString('en')} records per CPU second; end: ${memory()}; ` +
        `load average ${loadavg()[0]!.toFixed(1)}`,
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    const size = ['', '-wal', '-shm'].reduce((n, s) => n + (statSync(file + s, { throwIfNoEntry: false })?.size ?? 0), 0);
    console.log(`catalogue file: ${mb(size)} for ${store.count().toLocaleString('en')} records (target < 150 MB)`);

    console.log('search over the harvested catalogue (indexes and FTS5):');
    const prefs = (p: Partial<Preferences>): Preferences => ({ ...NO_PREFERENCES, ...p });
    const queries: [string, CatalogQuery][] = [
      ['Deckare + ljudbok + svenska', queryFor(prefs({ genre: ['deckare'], format: ['audiobook'], language: ['swe'] }), 'VAS')],
      ['Fantasy och sf, any format, for young people', queryFor(prefs({ genre: ['fantasy'], age: ['youth'] }), 'VAS')],
      ['only a language (English)', queryFor(prefs({ language: ['eng'] }), 'VAS')],
      ['words: "skuggan sjön"', { text: 'skuggan sjön', here: 'VAS', limit: 40 }],
      ['words and a facet: "mord" in e-books', { text: 'mord', formats: ['ebook'], here: 'VAS', limit: 40 }],
    ];
    const wall: number[] = [];
    const cpuTimes: number[] = [];
    const add = (r: { wall: number[]; cpu: number[] }) => {
      wall.push(...r.wall);
      cpuTimes.push(...r.cpu);
    };
    for (const [label, q] of queries) add(timeQueries(label, 200, () => searchCatalog(db, q)));
    const p = prefs({ genre: ['deckare'], format: ['audiobook'], language: ['swe'] });
    add(
      timeQueries('"Tips för mig" as the kiosk runs it (search + ranking)', 200, () =>
        rankMatches(searchCatalog(db, queryFor(p, 'VAS')), p, 'VAS'),
      ),
    );
    console.log(
      `search, all of the above: wall ${summary(wall)}; cpu ${summary(cpuTimes)} (target p99 < 30 ms); load average ${loadavg()[0]!.toFixed(1)}`,
    );
    console.log('reference, the same facets as plain scans (no index, no FTS):');
    const scan = db.prepare(
      "SELECT id FROM catalog_records NOT INDEXED WHERE genres LIKE '%\"Deckare\"%' AND format = 'audiobook' AND language = 'swe' ORDER BY (shelf_mask & 1) != 0 DESC, kind, year DESC LIMIT 40",
    );
    timeQueries('Deckare + ljudbok + svenska, scanned', 50, () => scan.all());
    const likeScan = db.prepare(
      "SELECT id FROM catalog_records NOT INDEXED WHERE (title LIKE '%skuggan%' OR summary LIKE '%skuggan%') AND (title LIKE '%sjön%' OR summary LIKE '%sjön%') LIMIT 40",
    );
    timeQueries('words "skuggan sjön" with LIKE', 50, () => likeScan.all());
    db.close();
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
