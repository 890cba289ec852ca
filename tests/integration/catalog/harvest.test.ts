import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HarvestOptions, harvest } from '../../../main/catalog/harvester.ts';
import { recordOfCopy, searchCatalog } from '../../../main/catalog/search.ts';
import { CatalogStore, openCatalogDb } from '../../../main/catalog/store.ts';
import type { Db } from '../../../main/storage/database.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { DemoAcsProcess } from './demo-acs-process.ts';

/**
 * The harvester against the demo endpoint running as its own process over
 * HTTP (300 record slots, 6 deleted, 40 per page): resumption tokens,
 * deleted records, incremental harvests, noRecordsMatch, a server that cuts
 * the connection mid-list, 503 with Retry-After, and giving up.
 */
const LIVE = 294;
let server: DemoAcsProcess;
let dir: string;
let db: Db;
let store: CatalogStore;
const options = (extra: Partial<HarvestOptions> = {}): HarvestOptions => ({
  url: server.oaiUrl,
  timeoutMs: 10_000,
  retries: 3,
  backoffMs: 10,
  maxBackoffMs: 2_000,
  logger: silentLogger,
  ...extra,
});
const count = (sql: string) => db.prepare(sql).pluck().get() as number;

beforeAll(async () => {
  server = await DemoAcsProcess.start(['--catalog-size', '300', '--page-size', '40']);
  dir = mkdtempSync(join(tmpdir(), 'ob-harvest-'));
  db = openCatalogDb(join(dir, 'catalog.sqlite'));
  store = new CatalogStore(db);
});
afterAll(async () => {
  db?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('harvesting the demo endpoint over HTTP', () => {
  it('full harvest: follows every resumption token, keeps no deleted record, indexes items and genres', async () => {
    const pages: number[] = [];
    const r = await harvest(store, options({ onProgress: (p) => pages.push(p.cursor ?? 0) }));
    expect(r).toMatchObject({ full: true, stored: LIVE, pages: 8, total: LIVE, listSize: 300 });
    expect(pages).toEqual([40, 80, 120, 160, 200, 240, 280, 300]);
    expect(count('SELECT COUNT(*) FROM catalog_records')).toBe(LIVE);
    expect(count("SELECT COUNT(*) FROM catalog_records WHERE id IN ('50', '100', '150')")).toBe(0);
    expect(recordOfCopy(db, '39000000000037')).toMatchObject({
      id: '3',
      title: 'Röda rummet',
      author: 'Strindberg, August',
      language: 'swe',
    });
    const words = searchCatalog(db, { text: 'strindberg', formats: ['book'], here: 'VAS' });
    expect(words.map((h) => h.title).sort()).toEqual(['Hemsöborna', 'Röda rummet']);
    expect(searchCatalog(db, { text: 'strindberg', formats: ['audiobook'], here: 'VAS' })).toEqual([]);
    const deckare = searchCatalog(db, { genres: ['Deckare'], formats: ['audiobook'], languages: ['swe'], here: 'VAS' });
    expect(deckare.length).toBeGreaterThan(0);
    for (const h of deckare) {
      expect(h.genres.map((g) => g.term)).toContain('Deckare');
      expect([h.format, h.language]).toEqual(['audiobook', 'swe']);
    }
  });

  it('incremental harvest: only what a cataloguer changed since, edits and deletions', async () => {
    await server.tell('/demo/catalog', { updated: ['5', '40'], deleted: ['7'] });
    const r = await harvest(store, options());
    expect(r).toMatchObject({ full: false, stored: 2, removed: 1, total: LIVE - 1 });
    expect(db.prepare("SELECT summary FROM catalog_records WHERE id = '40'").pluck().get()).toMatch(/\(rättad 1\)$/);
    expect(db.prepare("SELECT datestamp FROM catalog_records WHERE id = '5'").pluck().get()).toBe(r.lastDatestamp);
    expect(count("SELECT COUNT(*) FROM catalog_records WHERE id = '7'")).toBe(0);
    expect(recordOfCopy(db, '39000000000078')).toBeUndefined();
  });

  it('noRecordsMatch is a harvest with nothing new, not a failure', async () => {
    store.set('lastDatestamp', '2099-01-01T00:00:00Z');
    const r = await harvest(store, options());
    expect(r).toMatchObject({ full: false, pages: 0, stored: 0, removed: 0, total: LIVE - 1 });
    expect(store.get('lastResult')).toBe('ok');
  });

  it('a connection cut mid-list is asked again: every record once, nothing doubled', async () => {
    await server.tell('/demo/misbehave', { kind: 'drop-mid-list', count: 2 });
    const r = await harvest(store, options({ full: true }));
    expect(r).toMatchObject({ full: true, stored: LIVE - 1, retries: 2, total: LIVE - 1 });
    expect(count('SELECT COUNT(*) FROM catalog_copies')).toBe(count('SELECT COUNT(*) FROM catalog_records r, json_each(r.copies)'));
    expect(count("SELECT COUNT(*) FROM catalog_fts WHERE catalog_fts MATCH 'Strindberg'")).toBe(2);
  });

  it("waits as a busy server's Retry-After says, and gives up after its retries with the catalogue as it was", async () => {
    await server.tell('/demo/misbehave', { kind: 'busy', count: 1, retryAfterSeconds: 1 });
    const ok = await harvest(store, options({ full: true }));
    expect(ok.retries).toBe(1);
    await server.tell('/demo/misbehave', { kind: 'busy', count: 10, retryAfterSeconds: 0 });
    await expect(harvest(store, options({ retries: 2 }))).rejects.toMatchObject({ code: 'catalog.server-busy' });
    expect(store.get('lastResult')).toBe('failed');
    expect(store.count()).toBe(LIVE - 1);
    await server.tell('/demo/misbehave', { kind: 'normal' });
  });
});
