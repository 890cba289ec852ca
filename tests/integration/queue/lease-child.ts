/**
 * A kiosk's queue in its own process, for the lease take-over test: the
 * queued central system over real SIP2 to the parent's demo ACS, on the
 * shared SQLite file. It replays the backlog on its own (as the kiosk does
 * when the link comes back) and runs until it is killed.
 */
import { DEMO_LOGIN } from '../../../main/central/demo/data.ts';
import { connectCentral } from '../../../main/central/index.ts';
import { createQueuedCentral } from '../../../main/queue/queued-central.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { offlineSchema } from '../../../shared/config/offline.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import { silentLogger } from '../../../shared/logger.ts';

const { port, db } = JSON.parse(process.env.OB_LEASE_CHILD ?? '{}') as { port: number; db: string };
const config = configSchema.parse({ central: { kind: 'sip2', host: '127.0.0.1', port, ...DEMO_LOGIN, location: 'VAS' } });
const connection = await connectCentral(config, silentLogger);
const queue = createQueuedCentral({
  central: connection.central,
  db: openDatabase(db),
  // Two a second: a replay of ten takes long enough to be killed in the middle of it.
  policy: offlineSchema.parse({ replayPerSecond: 2, onlineAfterSeconds: 0, probeSeconds: 1, settleSeconds: 0.5 }),
  branchId: 'VAS',
  logger: silentLogger,
});
process.stdout.write('ready\n');
// Keeps the queue referenced until the parent kills this process.
setInterval(() => queue.mode(), 60_000);
