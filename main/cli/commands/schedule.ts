import type { Command } from 'commander';
import { loadConfig } from '../../config/load.ts';
import { localTime, modeAt, nextChange } from '../../door/schedule.ts';

/** `schedule show`: the branch's opening hours for a day, as the door applies them. */
export function registerSchedule(program: Command): void {
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
}
