import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { DEFAULT_CATALOG_SEED, DEFAULT_CATALOG_SIZE, DemoCatalog } from '../../central/demo/catalog/catalog.ts';
import { marcXml } from '../../central/demo/oai/marcxml.ts';
import { startDemoAcs } from '../../central/index.ts';

const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a whole number: ${v}`);
  return n;
};

/**
 * `openbranch demo acs`: the demo central system as its own process, SIP2
 * and the demo catalogue over OAI-PMH, until stopped (SIGINT/SIGTERM).
 * `openbranch demo catalog`: the demo catalogue as a MARCXML collection.
 */
export function registerDemoServers(demo: Command): void {
  demo
    .command('acs')
    .description('run the demo central system (Koha-like SIP2, and OAI-PMH over the demo catalogue) until stopped')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'SIP2 port (0: any free port)', int, 0)
    .option('--http-port <n>', 'OAI-PMH port (0: any free port)', int, 0)
    .option('--catalog-size <n>', 'record slots of the demo catalogue (2% are deleted records)', int, DEFAULT_CATALOG_SIZE)
    .option('--seed <n>', 'seed of the demo catalogue', int, DEFAULT_CATALOG_SEED)
    .option('--page-size <n>', 'records per OAI-PMH list response', int, 50)
    .option('--latency-ms <n>', 'answer time added to every SIP2 response', int, 0)
    .action(
      async (o: {
        host: string;
        port: number;
        httpPort: number;
        catalogSize: number;
        seed: number;
        pageSize: number;
        latencyMs: number;
      }) => {
        const acs = await startDemoAcs({
          host: o.host,
          port: o.port,
          httpPort: o.httpPort,
          catalogSize: o.catalogSize,
          catalogSeed: o.seed,
          oaiPageSize: Math.max(1, o.pageSize),
          latencyMs: o.latencyMs,
        });
        console.log(`OpenBranch demo ACS: sip2 ${acs.host}:${acs.port} oai ${acs.oai?.url}`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await acs.close();
      },
    );
  demo
    .command('catalog')
    .description('write the demo catalogue as a MARCXML collection (deterministic: the same size and seed give the same file)')
    .option('--size <n>', 'record slots', int, DEFAULT_CATALOG_SIZE)
    .option('--seed <n>', 'seed', int, DEFAULT_CATALOG_SEED)
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (o: { size: number; seed: number; out?: string }) => {
      // Due dates count from a fixed day, so the file is the same whenever it is written.
      const catalog = new DemoCatalog({ size: o.size, seed: o.seed, today: new Date(Date.UTC(2026, 0, 1)) });
      const out = o.out ? createWriteStream(o.out) : process.stdout;
      const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
      await write('<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">\n');
      for (let i = 0; i < catalog.size; i++)
        if (!catalog.entry(i).deleted)
          await write(`${marcXml(catalog.record(i)).replace(' xmlns="http://www.loc.gov/MARC21/slim"', '')}\n`);
      await write('</collection>\n');
      if (o.out) await new Promise<void>((r) => (out as ReturnType<typeof createWriteStream>).end(() => r()));
    });
}
