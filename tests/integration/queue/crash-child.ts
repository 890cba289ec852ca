/**
 * The kiosk side of the crash test, run as its own process so the parent
 * can SIGKILL it anywhere: the queued central system over real SIP2 to the
 * parent's demo ACS, executing a plan of checkouts and returns from a
 * given index. Prints `start i` before each transaction and `told i X`
 * the moment the kiosk would tell the patron (stdout to a pipe is
 * synchronous on Linux, so a line printed is a line the parent sees).
 */
import { readFileSync } from 'node:fs';
import { DEMO_LOGIN } from '../../../main/central/demo/data.ts';
import { connectCentral } from '../../../main/central/index.ts';
import { createQueuedCentral } from '../../../main/queue/queued-central.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { offlineSchema } from '../../../shared/config/offline.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import { silentLogger } from '../../../shared/logger.ts';

export type PlanOp =
  | { readonly kind: 'checkout'; readonly card: string; readonly item: string }
  | { readonly kind: 'checkin'; readonly item: string };

export interface ChildArgs {
  readonly host: string;
  readonly port: number;
  readonly db: string;
  readonly plan: string;
  readonly start: number;
  /** Replay what is left, print the summary, exit. */
  readonly drain: boolean;
}

/** The offline policy of the test kiosk: quick to switch either way so a short run sees both modes often. */
export const CRASH_POLICY = offlineSchema.parse({
  requirePin: false,
  maxItemsPerPatron: 100,
  failuresToOffline: 1,
  onlineAfterSeconds: 0,
  probeSeconds: 1,
  replayPerSecond: 1000,
  backoffSeconds: 0.2,
  maxBackoffSeconds: 1,
  settleSeconds: 0.5,
});

const args = JSON.parse(process.env.OB_CRASH_CHILD ?? '{}') as ChildArgs;
const plan = JSON.parse(readFileSync(args.plan, 'utf8')) as PlanOp[];
const config = configSchema.parse({
  central: { kind: 'sip2', host: args.host, port: args.port, ...DEMO_LOGIN, timeoutMs: 400, location: 'VAS' },
});
const connection = await connectCentral(config, silentLogger);
const queue = createQueuedCentral({
  central: connection.central,
  db: openDatabase(args.db),
  policy: CRASH_POLICY,
  branchId: 'VAS',
  logger: silentLogger,
});
const out = (line: string) => process.stdout.write(`${line}\n`);
out('ready');

if (args.drain) {
  await new Promise<void>((resolve) => {
    if (connection.central.health() !== 'offline') resolve();
    else connection.central.onHealth((h) => h !== 'offline' && resolve());
  });
  let summary = await queue.replayNow();
  for (let i = 0; i < 20 && summary.remaining > 0; i++) {
    await new Promise((r) => setTimeout(r, 200));
    summary = await queue.replayNow();
  }
  out(`drained ${JSON.stringify(summary)}`);
} else {
  // As a kiosk's first patron comes after its start: wait until the queue is online (its backlog
  // replayed), or a while if the link is down now; then lend at a patron's pace.
  const deadline = Date.now() + 3000;
  while (queue.mode() !== 'online' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (let i = args.start; i < plan.length; i++) {
    const op = plan[i]!;
    // A patron's pace, compressed: time for the link to flap and the kill to land mid-plan.
    await new Promise((r) => setTimeout(r, 8));
    out(`start ${i}`);
    try {
      const r =
        op.kind === 'checkout'
          ? await queue.checkout({ cardNumber: op.card, itemId: op.item })
          : await queue.checkin({ itemId: op.item, location: 'VAS' });
      out(`told ${i} ${r.ok ? (r.offline ? 'offline' : 'ok') : 'refused'}`);
    } catch {
      out(`told ${i} failed`);
    }
  }
  out('finished');
}
queue.close();
await connection.close();
process.exit(0);
