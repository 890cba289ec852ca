import { describe, expect, it } from 'vitest';
import { DEMO_LOGIN } from '../../../main/central/demo/data.ts';
import { connectCentral, type DemoAcs, type Misbehaviour, type Sip2Connection, startDemoAcs } from '../../../main/central/index.ts';
import { createQueuedCentral, type QueuedCentral } from '../../../main/queue/queued-central.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { offlineSchema } from '../../../shared/config/offline.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { patient, until } from '../../support/patience.ts';
import type { PlanOp } from './crash-child.ts';
import { verify } from './crash-verify.ts';
import { testKit } from './test-kit.ts';

const ITEMS = ['011', '029', '037', '052', '128', '136', '144', '152', '160', '178'].map((n) => `39000000000${n}`);
const CARDS = ['017', '041', '058', '082'].map((n) => `23000000000${n}`);
// Short, so faults cost little time; an answer that comes late on a loaded machine only costs a retry.
const TIMEOUT_MS = 300;
const policy = offlineSchema.parse({
  requirePin: false,
  maxItemsPerPatron: 100,
  failuresToOffline: 1,
  onlineAfterSeconds: 0,
  probeSeconds: 1,
  replayPerSecond: 20,
  backoffSeconds: 0.2,
  maxBackoffSeconds: 0.5,
  // Far longer than the slowest fault below (delay 700 ms), so a late answer is never taken for "not done".
  settleSeconds: patient(500) / 1000,
});

const { temp, cleanups } = testKit();

async function kiosk(): Promise<{ acs: DemoAcs; connection: Sip2Connection; queue: QueuedCentral }> {
  const acs = await startDemoAcs({ port: 0 });
  cleanups.push(() => acs.close());
  const config = configSchema.parse({
    central: { kind: 'sip2', host: acs.host, port: acs.port, ...DEMO_LOGIN, timeoutMs: TIMEOUT_MS, location: 'VAS' },
  });
  const connection = await connectCentral(config, silentLogger);
  cleanups.push(() => connection.close());
  const queue = createQueuedCentral({
    central: connection.central,
    db: openDatabase(temp.file()),
    policy,
    branchId: 'VAS',
    logger: silentLogger,
  });
  cleanups.push(() => {
    queue.close();
    queue.store.db.close();
  });
  await until(() => queue.mode() === 'online', 5000, 'the first connection');
  return { acs, connection, queue };
}

const faults: Array<[string, Misbehaviour]> = [
  ['drop (connection closed on every request)', { kind: 'drop' }],
  ['delay (answers 700 ms late, after the client gave up at 300 ms)', { kind: 'delay', ms: 700 }],
  ['corrupt checksum (three answers in a row)', { kind: 'corrupt', count: 3 }],
  ['silence (no answer at all)', { kind: 'silence' }],
];

describe('faults from the ACS during replay never lose or double a transaction', () => {
  it.each(faults)('%s', async (_name, fault) => {
    const { acs, queue } = await kiosk();
    // Queue a backlog while the link is down: every item lent, then half of them returned.
    acs.misbehave({ kind: 'drop' });
    const plan: PlanOp[] = [
      ...ITEMS.map((item, i) => ({ kind: 'checkout' as const, card: CARDS[i % CARDS.length]!, item })),
      ...ITEMS.slice(0, 5).map((item) => ({ kind: 'checkin' as const, item })),
    ];
    const told = new Map<number, string>();
    for (const [i, op] of plan.entries()) {
      const r =
        op.kind === 'checkout'
          ? await queue.checkout({ cardNumber: op.card, itemId: op.item })
          : await queue.checkin({ itemId: op.item, location: 'VAS' });
      told.set(i, r.ok ? (r.offline ? 'offline' : 'ok') : 'refused');
    }
    expect([...told.values()].every((t) => t === 'offline')).toBe(true);
    // The link comes back; two transactions into the replay the fault strikes the next requests.
    acs.misbehave({ kind: 'normal' });
    await until(() => queue.store.backlog() <= plan.length - 2, 10_000, 'the replay to be under way');
    const struckBefore = acs.struck();
    acs.misbehave(fault);
    const backlogWhenStruck = queue.store.backlog();
    // The fault strikes replay requests (three corrupted answers, or two lost ones), then the link heals.
    const strikes = fault.kind === 'corrupt' ? 3 : 2;
    await until(() => acs.struck() >= struckBefore + strikes, 10_000, 'the fault to strike');
    acs.misbehave({ kind: 'normal' });
    await until(() => queue.store.backlog() === 0 && queue.mode() === 'online', 15_000, 'the backlog to drain');

    const verdict = verify(plan, told, new Set(), acs.state.transactions, acs.state.loans);
    expect(verdict).toEqual({ lost: [], extra: [], loanMismatch: [], appliedUntold: 0 });
    const states = queue.store.db.prepare('SELECT state, COUNT(*) AS n FROM queue_transactions GROUP BY state').all();
    expect(states).toEqual([{ state: 'done', n: plan.length }]);
    // The fault hit mid-replay, and (except corruption, which the client's resend repairs) cost an attempt
    // that was then checked or resent. The first row is left out: it was attempted while going offline.
    expect(backlogWhenStruck).toBeGreaterThan(3);
    const hit = queue.store.db
      .prepare("SELECT COUNT(*) AS n FROM queue_transactions WHERE seq > 1 AND (attempts > 1 OR outcome = 'checked')")
      .get() as { n: number };
    if (fault.kind !== 'corrupt') expect(hit.n).toBeGreaterThan(0);
  });
});
