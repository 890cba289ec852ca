import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { silentLogger } from '../../../shared/logger.ts';
import { connectCentral } from '../../central/index.ts';
import { loadConfig } from '../../config/load.ts';
import { kioskPaths } from '../../config/paths.ts';
import { decideEntry } from '../../door/decide.ts';
import { EntryLog } from '../../door/entry-log.ts';
import { localTime, modeAt, nextChange } from '../../door/schedule.ts';
import { cardKeyer, loadCardSecret } from '../../storage/card-key.ts';
import { DATA_FILE } from '../../storage/data-file.ts';
import { openDatabase } from '../../storage/database.ts';
import { doorCommand } from './door-group.ts';

const when = (iso: string | undefined) => (iso ? new Date(iso) : new Date());

/** `door decide`, `schedule show`, `report entries`: the door's decisions, hours and log from the command line. */
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
        await conn.central.client.connect().catch(() => undefined);
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

  program
    .command('schedule')
    .description('opening hours')
    .command('show')
    .option('--date <YYYY-MM-DD>', 'the day to show (default today)')
    .option('--config <file>')
    .action((o: { date?: string; config?: string }) => {
      const { config } = loadConfig(o.config);
      const tz = config.branch.timezone;
      const start = o.date ? new Date(`${o.date}T00:00:00Z`) : new Date();
      const day = localTime(start, tz);
      console.log(`${day.date} (${day.day}), ${tz}: now ${modeAt(config.door.schedule, tz, new Date())}`);
      const exception = config.door.schedule.exceptions.find((e) => e.date === day.date);
      for (const p of exception?.periods ?? config.door.schedule[day.day]) console.log(`  ${p.from}-${p.to} ${p.mode}`);
      if (exception) console.log(`  (exception${exception.note ? `: ${exception.note}` : ''})`);
      const next = nextChange(config.door.schedule, tz, new Date());
      if (next) console.log(`next change: ${next.at.toISOString()} -> ${next.mode}`);
    });

  program
    .command('report')
    .description('staff reports')
    .command('entries')
    .requiredOption('--from <YYYY-MM-DD>')
    .requiredOption('--to <YYYY-MM-DD>')
    .option('--csv <file>', 'write the entries per hour and denials as CSV')
    .option('--card <number>', "also list this card's attempts (found by its keyed hash; kept door.logRetention.identityDays)")
    .option('--config <file>')
    .action((o: { from: string; to: string; csv?: string; card?: string; config?: string }) => {
      const { config } = loadConfig(o.config);
      const data = kioskPaths({ dataDir: config.dataDir }).data;
      const db = openDatabase(join(data, DATA_FILE));
      const log = new EntryLog(db, cardKeyer(loadCardSecret(data)));
      const report = log.report(o.from, o.to, (iso) => Math.floor(localTime(new Date(iso), config.branch.timezone).minute / 60));
      const attempts = o.card === undefined ? undefined : log.entriesOf(o.card, o.from, o.to);
      db.close();
      if (o.csv) {
        const rows = [
          'section,key,count',
          ...report.perHour.map((h) => `entries-per-hour,${h.hour},${h.count}`),
          ...report.denialsByReason.map((d) => `denials,${d.reason},${d.count}`),
          ...report.alarms.map((a) => `alarm,${a.at} ${a.kind},1`),
        ];
        writeFileSync(o.csv, `${rows.join('\n')}\n`);
      }
      console.log(
        JSON.stringify({
          from: report.from,
          to: report.to,
          granted: report.granted,
          denied: report.denied,
          denialsByReason: report.denialsByReason,
          alarms: report.alarms.length,
          ...(attempts ? { attempts } : {}),
        }),
      );
    });
}
