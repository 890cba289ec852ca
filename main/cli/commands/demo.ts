import type { Command } from 'commander';
import { DEMO_BRANCHES, DEMO_ITEMS, DEMO_PATRONS } from '../../central/demo/data.ts';
import { registerDemoServers } from './demo-acs.ts';

/**
 * `openbranch demo patrons|items`: what to present at the kiosk on the
 * embedded default; `demo acs` and `demo catalog` (demo-acs.ts): the demo
 * central system on its own and its catalogue as a file.
 */
export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('the demo central system: its patrons and items, and running it on its own');
  registerDemoServers(demo);
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
}
