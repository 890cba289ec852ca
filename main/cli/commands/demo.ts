import { type Command, InvalidArgumentError } from 'commander';
import { DEMO_BRANCHES, DEMO_ITEMS, DEMO_LOGIN, DEMO_PATRONS } from '../../central/demo/data.ts';
import { serveDemo } from './demo-servers.ts';

/**
 * `openbranch demo patrons|items`: what to present at the kiosk on the
 * embedded default; `openbranch demo acs`: the demo central system as a
 * standalone SIP2 server, to try a kiosk with `central: { kind: sip2 }`
 * against it exactly as against Koha.
 */
export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('the demo central system: its patrons and items, or run it as a SIP2 server');
  demo
    .command('patrons')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) => {
      if (o.json) return console.log(JSON.stringify(DEMO_PATRONS, null, 2));
      for (const p of DEMO_PATRONS) console.log(`${p.cardNumber}  PIN ${p.pin}  ${p.name.padEnd(16)} ${p.note}`);
    });
  demo
    .command('items')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) => {
      if (o.json) return console.log(JSON.stringify(DEMO_ITEMS, null, 2));
      const branch = (code: string) => DEMO_BRANCHES.find((b) => b.code === code)?.name ?? code;
      for (const i of DEMO_ITEMS) console.log(`${i.itemId}  ${i.title.slice(0, 40).padEnd(40)} ${branch(i.owner).padEnd(26)} ${i.note}`);
    });
  registerDemoAcs(demo);
}

interface AcsFlags {
  readonly port: number;
  readonly host: string;
  readonly latency: number;
}

function registerDemoAcs(demo: Command): void {
  demo
    .command('acs')
    .description(
      `run the demo central system as a SIP2 server (login ${DEMO_LOGIN.user} / ${DEMO_LOGIN.password}, institution ${DEMO_LOGIN.institution}); prints "Demo ACS: host:port", stops on Ctrl-C`,
    )
    .requiredOption('--port <n>', 'TCP port (0 picks a free one; the line printed says which)', parseNumber('--port', 65535))
    .option('--host <address>', 'listen address', '127.0.0.1')
    .option('--latency <ms>', 'answer time added to every response, like a busy Koha', parseNumber('--latency', 60_000), 0)
    .action(async (o: AcsFlags) => {
      const { startDemoAcs } = await import('../../central/demo/acs-server.ts');
      await serveDemo(o.host, [
        { label: 'Demo ACS', port: o.port, option: '--port', start: (host, port) => startDemoAcs({ host, port, latencyMs: o.latency }) },
      ]);
    });
}

function parseNumber(flag: string, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > max) throw new InvalidArgumentError(`${flag} takes a whole number from 0 to ${max}.`);
    return n;
  };
}
