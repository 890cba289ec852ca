import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { KioskConfig } from '../../../shared/config/schema.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { connectCentral } from '../../central/index.ts';
import { loadConfig } from '../../config/load.ts';
import { kioskPaths } from '../../config/paths.ts';
import { replayFromCli } from '../../queue/replay-cli.ts';
import { conflictsCsv, listTransactions, markHandled, queueStatus } from '../../queue/report.ts';
import { QUEUE_STATES, type QueueState } from '../../queue/store.ts';
import { type Db, openDatabase } from '../../storage/database.ts';

/** Exit codes: 0 fine, 1 something waits for staff or replay (backlog, open conflicts), 3 another replayer holds the queue. */
export const QUEUE_EXIT = { ok: 0, attention: 1, busy: 3 } as const;

export function queueDatabaseFile(config: KioskConfig): string {
  return join(kioskPaths({ dataDir: config.dataDir }).data, 'openbranch.sqlite');
}

function withDb<T>(configFile: string | undefined, use: (db: Db, config: KioskConfig) => T): T {
  const { config } = loadConfig(configFile);
  const db = openDatabase(queueDatabaseFile(config));
  try {
    return use(db, config);
  } finally {
    db.close();
  }
}

export function registerQueue(program: Command): void {
  const queue = program.command('queue').description('the offline transaction queue: status, list, replay, conflicts for staff');

  queue
    .command('status')
    .description('counts by state, backlog, open conflicts, oldest waiting; exit 1 when something waits')
    .option('--json', 'print JSON')
    .option('--config <file>', 'configuration file (gives the data folder)')
    .action((o: { json?: boolean; config?: string }) =>
      withDb(o.config, (db) => {
        const s = queueStatus(db);
        if (o.json) console.log(JSON.stringify(s, null, 2));
        else {
          console.log(QUEUE_STATES.map((st) => `${st}: ${s.counts[st]}`).join(', '));
          console.log(`waiting for replay: ${s.backlog}${s.oldestPending ? ` (oldest ${s.oldestPending})` : ''}`);
          console.log(`conflicts for staff: ${s.openConflicts}`);
        }
        process.exitCode = s.backlog > 0 || s.openConflicts > 0 ? QUEUE_EXIT.attention : QUEUE_EXIT.ok;
      }),
    );

  queue
    .command('list')
    .description('transactions, newest first (card numbers shortened)')
    .option('--state <state>', `only this state (${QUEUE_STATES.join(', ')})`)
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON')
    .option('--config <file>', 'configuration file')
    .action((o: { state?: string; limit: string; json?: boolean; config?: string }) =>
      withDb(o.config, (db) => {
        const rows = listTransactions(db, { state: o.state as QueueState | undefined, limit: Number(o.limit) || 100 });
        if (o.json) console.log(JSON.stringify(rows, null, 2));
        else
          for (const r of rows)
            console.log(
              [r.time, r.id, r.kind, r.state, r.card ?? '-', r.item, r.offline ? 'offline' : 'online', r.reason ?? r.outcome ?? ''].join(
                '  ',
              ),
            );
      }),
    );

  queue
    .command('export')
    .description('write the conflicts staff work through as CSV (full card numbers: keep the file safe)')
    .requiredOption('--csv <file>', 'CSV file to write')
    .option('--config <file>', 'configuration file')
    .action((o: { csv: string; config?: string }) =>
      withDb(o.config, (db) => {
        writeFileSync(o.csv, conflictsCsv(db), { mode: 0o600 });
        console.log(`${queueStatus(db).counts.conflict} conflicts written to ${o.csv}`);
      }),
    );

  queue
    .command('handle <id>')
    .description('mark a conflict handled by staff (it stays on record)')
    .option('--by <name>', 'who handled it', userInfo().username)
    .option('--config <file>', 'configuration file')
    .action((id: string, o: { by: string; config?: string }) =>
      withDb(o.config, (db) => {
        markHandled(db, id, o.by);
        console.log(`${id} marked handled by ${o.by}`);
      }),
    );

  queue
    .command('replay')
    .description('send what is queued to the central system now (exit 0 all settled, 1 some left, 3 the kiosk is replaying)')
    .option('--json', 'print JSON')
    .option('--wait <seconds>', 'how long to wait for the central system', '15')
    .option('--config <file>', 'configuration file')
    .action(async (o: { json?: boolean; wait: string; config?: string }) => {
      const { config } = loadConfig(o.config);
      if (config.central.kind === 'demo')
        throw new OpenBranchError('cli.demo-central', 'the config uses the embedded demo central system; replay needs a real one');
      const db = openDatabase(queueDatabaseFile(config));
      const central = await connectCentral(config, silentLogger);
      try {
        const summary = await replayFromCli(db, central.central, config.offline, Number(o.wait) * 1000);
        console.log(o.json ? JSON.stringify(summary, null, 2) : summaryLine(summary));
        process.exitCode =
          summary.stoppedBy === 'queue.replay-busy' ? QUEUE_EXIT.busy : summary.remaining > 0 ? QUEUE_EXIT.attention : QUEUE_EXIT.ok;
      } finally {
        await central.close();
        db.close();
      }
    });
}

function summaryLine(s: {
  sent: number;
  done: number;
  conflicts: number;
  cancelled: number;
  remaining: number;
  stoppedBy?: string;
}): string {
  return `sent ${s.sent}, done ${s.done}, conflicts ${s.conflicts}, cancelled ${s.cancelled}, still waiting ${s.remaining}${s.stoppedBy ? ` (stopped: ${s.stoppedBy})` : ''}`;
}
