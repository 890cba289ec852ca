import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { AUDIENCES, type Audience, type CatalogFormat, FORMATS } from '../../../shared/domain/catalog.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { catalogFile } from '../../catalog/files.ts';
import { type HarvestProgress, harvest } from '../../catalog/harvester.ts';
import { searchCatalog } from '../../catalog/search.ts';
import { CatalogStore, openCatalogDb } from '../../catalog/store.ts';
import { loadConfig } from '../../config/load.ts';

const collect = (v: string, list: string[] = []) => [...list, v];

function progressLine(p: HarvestProgress, startedAt: number): string {
  const done = p.stored + p.removed;
  const rate = Math.round(done / Math.max(0.001, (performance.now() - startedAt) / 1000));
  const size = p.listSize;
  const bar = size
    ? `[${'#'.repeat(Math.round((Math.min(p.cursor ?? 0, size) / size) * 30)).padEnd(30, '-')}] ${p.cursor ?? 0}/${size}`
    : `${done}`;
  return `${p.full ? 'full' : 'changes'} ${bar} records, ${rate}/s${p.retries ? `, ${p.retries} retried` : ''}`;
}

/** `openbranch catalog harvest|status|search`: the local copy of the region's catalogue. */
export function registerCatalog(program: Command): void {
  const catalog = program.command('catalog').description("the local copy of the region's catalogue (OAI-PMH harvest, search)");
  catalog
    .command('harvest')
    .description('harvest the catalogue now: what changed since last time, or everything with --full')
    .option('--config <file>', 'kiosk config file (its catalog section and dataDir)')
    .option('--url <oaiUrl>', "Koha's OAI-PMH address, e.g. https://koha.example/cgi-bin/koha/oai.pl")
    .option('--full', 'everything again, dropping what the server no longer lists')
    .action(async (o: { config?: string; url?: string; full?: boolean }) => {
      const config = loadConfig(o.config).config;
      const url = o.url ?? config.catalog.oaiUrl;
      if (!url) throw new OpenBranchError('cli.usage', 'no OAI-PMH address: give --url or set catalog.oaiUrl in the config');
      const db = openCatalogDb(catalogFile(config));
      const startedAt = performance.now();
      const tty = process.stderr.isTTY;
      let lastDraw = 0;
      try {
        const result = await harvest(new CatalogStore(db), {
          url,
          ...(o.full ? { full: true } : {}),
          timeoutMs: config.catalog.timeoutMs,
          retries: config.catalog.retries,
          backoffMs: config.catalog.backoffMs,
          maxBackoffMs: config.catalog.maxBackoffMs,
          logger: silentLogger,
          onProgress: (p) => {
            if (performance.now() - lastDraw < (tty ? 100 : 2000)) return;
            lastDraw = performance.now();
            process.stderr.write(tty ? `\r${progressLine(p, startedAt)}` : `${progressLine(p, startedAt)}\n`);
          },
        });
        if (tty) process.stderr.write('\n');
        const seconds = (performance.now() - startedAt) / 1000;
        console.log(
          `${result.full ? 'full harvest' : `changes since ${result.from}`}: ${result.stored} stored, ${result.removed} removed, ` +
            `${result.pages} pages, ${result.retries} retried, ${result.total} records in the catalogue (${seconds.toFixed(1)} s)`,
        );
      } catch (e) {
        if (tty) process.stderr.write('\n');
        if (!(e instanceof OpenBranchError) || e.code === 'cli.usage') throw e;
        console.error(`openbranch: harvest failed: ${e.message} [${e.code}]`);
        process.exitCode = 1;
      } finally {
        db.close();
      }
    });
  catalog
    .command('status')
    .description('how big the local catalogue is and how the last harvest went')
    .option('--config <file>', 'kiosk config file')
    .option('--json', 'print JSON')
    .action((o: { config?: string; json?: boolean }) => {
      const config = loadConfig(o.config).config;
      const file = catalogFile(config);
      const db = openCatalogDb(file);
      const store = new CatalogStore(db);
      const bytes = ['', '-wal'].reduce((n, s) => n + (statSync(file + s, { throwIfNoEntry: false })?.size ?? 0), 0);
      const status = {
        file,
        records: store.count(),
        sizeBytes: bytes,
        source: config.catalog.oaiUrl ?? null,
        lastHarvestAt: store.get('lastHarvestAt') ?? null,
        lastResult: store.get('lastResult') ?? null,
        lastError: store.get('lastError') ?? null,
        lastFullAt: store.get('lastFullAt') ?? null,
        lastDatestamp: store.get('lastDatestamp') ?? null,
      };
      db.close();
      if (o.json) return console.log(JSON.stringify(status, null, 2));
      console.log(`${status.records} records in ${file} (${(bytes / 1e6).toFixed(1)} MB)`);
      console.log(
        `last harvest: ${status.lastHarvestAt ?? 'never'} (${status.lastResult ?? '-'})${status.lastError ? `: ${status.lastError}` : ''}`,
      );
      console.log(`last full harvest: ${status.lastFullAt ?? 'never'}; changes up to ${status.lastDatestamp ?? '-'}`);
    });
  catalog
    .command('search [query...]')
    .description('search the local catalogue (all given filters must match)')
    .option('--config <file>', 'kiosk config file')
    .option('--genre <term>', 'genre/form term from 655, e.g. Deckare (repeatable)', collect)
    .option('--format <format>', `${FORMATS.join('|')} (repeatable)`, collect)
    .option('--language <code>', 'MARC/ISO 639-2 code, e.g. swe (repeatable)', collect)
    .option('--audience <audience>', `${AUDIENCES.join('|')} (repeatable)`, collect)
    .option('--branch <code>', 'titles on the shelf here first (default: branch.id)')
    .option('--limit <n>', 'at most this many', Number, 20)
    .option('--json', 'print JSON')
    .action(
      (
        words: string[],
        o: {
          config?: string;
          genre?: string[];
          format?: string[];
          language?: string[];
          audience?: string[];
          branch?: string;
          limit: number;
          json?: boolean;
        },
      ) => {
        for (const f of o.format ?? [])
          if (!(FORMATS as readonly string[]).includes(f))
            throw new OpenBranchError('cli.usage', `unknown format ${f} (${FORMATS.join(', ')})`);
        for (const a of o.audience ?? [])
          if (!(AUDIENCES as readonly string[]).includes(a))
            throw new OpenBranchError('cli.usage', `unknown audience ${a} (${AUDIENCES.join(', ')})`);
        const config = loadConfig(o.config).config;
        const db = openCatalogDb(catalogFile(config));
        try {
          const hits = searchCatalog(db, {
            ...(words.length ? { text: words.join(' ') } : {}),
            ...(o.genre ? { genres: o.genre } : {}),
            ...(o.format ? { formats: o.format as CatalogFormat[] } : {}),
            ...(o.language ? { languages: o.language } : {}),
            ...(o.audience ? { audiences: o.audience as Audience[] } : {}),
            here: o.branch ?? config.branch.id,
            limit: o.limit,
          });
          if (o.json) return console.log(JSON.stringify(hits, null, 2));
          for (const h of hits) {
            const here = h.onShelfHere ? ' [on the shelf here]' : '';
            console.log(
              `${h.id.padStart(7)}  ${h.title.slice(0, 48).padEnd(48)} ${(h.author ?? '').slice(0, 22).padEnd(22)} ${h.format}/${h.language ?? '?'} ${h.copies.length} copies${here}`,
            );
          }
        } finally {
          db.close();
        }
      },
    );
}
