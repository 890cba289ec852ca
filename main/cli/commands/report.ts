import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config/load.ts';
import { kioskPaths } from '../../config/paths.ts';
import { EntryLog } from '../../door/entry-log.ts';
import { localTime } from '../../door/schedule.ts';
import { cardKeyer, loadCardSecret } from '../../storage/card-key.ts';
import { DATA_FILE } from '../../storage/data-file.ts';
import { openDatabase } from '../../storage/database.ts';

/** `report entries`: the door's entry log for staff, per hour and by denial reason. */
export function registerReport(program: Command): void {
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
