import type { Command } from 'commander';
import { silentLogger } from '../../../shared/logger.ts';
import { connectCentral } from '../../central/index.ts';
import { loadConfig } from '../../config/load.ts';
import { decideEntry } from '../../door/decide.ts';
import { modeAt } from '../../door/schedule.ts';
import { doorCommand } from './door-group.ts';

const when = (iso: string | undefined) => (iso ? new Date(iso) : new Date());

/** `door decide`: the door's decision for a card and PIN, from the command line. */
export function registerDoorDecide(program: Command): void {
  doorCommand(program)
    .command('decide')
    .description('run the door decision for a card and PIN at a time (against the configured or demo central system)')
    .requiredOption('--card <card>')
    .requiredOption('--pin <pin>')
    .option('--at <iso-time>', 'the instant to decide for (default now)')
    .option('--config <file>')
    .option('--json', 'print JSON')
    .action(async (o: { card: string; pin: string; at?: string; config?: string; json?: boolean }) => {
      const { config } = loadConfig(o.config);
      const conn = await connectCentral(config, silentLogger);
      try {
        await conn.connect().catch(() => undefined);
        const at = when(o.at);
        const decision = await decideEntry({
          central: conn.central,
          rules: config.door,
          timeZone: config.branch.timezone,
          card: o.card,
          pin: o.pin,
          at,
        });
        const out = { at: at.toISOString(), mode: modeAt(config.door.schedule, config.branch.timezone, at), ...decision };
        console.log(o.json ? JSON.stringify(out) : decision.grant ? `granted (${out.mode})` : `denied: ${decision.reason} (${out.mode})`);
        process.exitCode = decision.grant ? 0 : 1;
      } finally {
        await conn.close();
      }
    });
}
