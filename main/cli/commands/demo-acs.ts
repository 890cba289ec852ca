import { createWriteStream } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { DEFAULT_CATALOG_SEED, DEFAULT_CATALOG_SIZE, DemoCatalog } from '../../central/demo/catalog/catalog.ts';
import { DEMO_LOGIN } from '../../central/demo/data.ts';
import { marcXml } from '../../central/demo/oai/marcxml.ts';
import { serveDemo } from './demo-servers.ts';

const whole =
  (flag: string, max = Number.MAX_SAFE_INTEGER) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > max) throw new InvalidArgumentError(`${flag} takes a whole number from 0 to ${max}.`);
    return n;
  };

interface AcsFlags {
  readonly host: string;
  readonly port: number;
  readonly httpPort?: number;
  readonly catalogSize: number;
  readonly seed: number;
  readonly pageSize: number;
  readonly latency: number;
}

/**
 * `openbranch demo acs`: the demo central system as its own process, SIP2
 * (and, with --http-port, the demo catalogue over OAI-PMH) until stopped
 * (SIGINT/SIGTERM). It prints `Demo ACS: host:port` (and `Demo OAI-PMH:
 * url`) once it listens, so a kiosk with `central: { kind: sip2 }` can be
 * tried against it as against Koha.
 * `openbranch demo catalog`: the demo catalogue as a MARCXML collection.
 */
export function registerDemoServers(demo: Command): void {
  demo
    .command('acs')
    .description(
      `run the demo central system as a SIP2 server (login ${DEMO_LOGIN.user} / ${DEMO_LOGIN.password}, institution ${DEMO_LOGIN.institution}), and OAI-PMH over the demo catalogue with --http-port; prints "Demo ACS: host:port", stops on Ctrl-C`,
    )
    .option('--host <address>', 'listen address', '127.0.0.1')
    .option('--port <n>', 'SIP2 port (0 picks a free one; the line printed says which)', whole('--port', 65535), 0)
    .option('--http-port <n>', 'also serve OAI-PMH on this port (0: any free port)', whole('--http-port', 65535))
    .option(
      '--catalog-size <n>',
      'record slots of the demo catalogue (2% are deleted records)',
      whole('--catalog-size'),
      DEFAULT_CATALOG_SIZE,
    )
    .option('--seed <n>', 'seed of the demo catalogue', whole('--seed'), DEFAULT_CATALOG_SEED)
    .option('--page-size <n>', 'records per OAI-PMH list response', whole('--page-size'), 50)
    .option('--latency <ms>', 'answer time added to every SIP2 response, like a busy Koha', whole('--latency', 60_000), 0)
    .action(async (o: AcsFlags) => {
      const { startDemoAcs } = await import('../../central/demo/acs-server.ts');
      const ports = [
        { port: o.port, option: '--port' },
        ...(o.httpPort === undefined ? [] : [{ port: o.httpPort, option: '--http-port' }]),
      ];
      await serveDemo('Demo ACS', o.host, ports, async () => {
        const acs = await startDemoAcs({
          host: o.host,
          port: o.port,
          ...(o.httpPort === undefined ? {} : { httpPort: o.httpPort }),
          catalogSize: o.catalogSize,
          catalogSeed: o.seed,
          oaiPageSize: Math.max(1, o.pageSize),
          latencyMs: o.latency,
        });
        const lines = [`Demo ACS: ${acs.host}:${acs.port}`, ...(acs.oai ? [`Demo OAI-PMH: ${acs.oai.url}`] : [])];
        return { lines, close: () => acs.close() };
      });
    });
  demo
    .command('catalog')
    .description('write the demo catalogue as a MARCXML collection (deterministic: the same size and seed give the same file)')
    .option('--size <n>', 'record slots', whole('--size'), DEFAULT_CATALOG_SIZE)
    .option('--seed <n>', 'seed', whole('--seed'), DEFAULT_CATALOG_SEED)
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
