import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type DemoAcs, startDemoAcs } from '../../../main/central/demo/acs-server.ts';
import { QueueStore } from '../../../main/queue/store.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { tempDirs } from '../../unit/queue/temp-db.ts';

/**
 * Finding 9: nothing tested that a second kiosk process takes over the
 * replay lease of a kiosk that died. Two real processes on one SQLite
 * file: the first is SIGKILLed in the middle of replaying (its lease still
 * has most of a minute to run); the second must take the lease before that
 * minute is up, because the holder's process is gone, and finish the
 * replay with every loan reaching the ACS exactly once.
 */
const root = resolve(import.meta.dirname, '../../..');
const CHILD = join(import.meta.dirname, 'lease-child.ts');
const ANNA = '23000000000017';
const ITEMS = ['011', '029', '128', '144', '152', '178', '186', '194', '202', '210'].map((n) => `39000000000${n}`);

const temp = tempDirs();
const children: ChildProcess[] = [];
let acs: DemoAcs | undefined;
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null && c.pid) process.kill(-c.pid, 'SIGKILL');
  await acs?.close();
  temp.cleanup();
});

function kiosk(port: number, db: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: root,
    detached: true,
    env: { ...process.env, OB_LEASE_CHILD: JSON.stringify({ port, db }) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

const until = async <T>(probe: () => T | undefined, what: string): Promise<T> => {
  const end = Date.now() + 45_000;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('replay lease across kiosk processes', () => {
  it('a kiosk SIGKILLed mid-replay: the next kiosk takes its lease at once and finishes, nothing lost or doubled', {
    timeout: 90_000,
  }, async () => {
    acs = await startDemoAcs({ latencyMs: 50 });
    const file = temp.file();
    const store = new QueueStore(openDatabase(file));
    for (const [i, item] of ITEMS.entries())
      store.record({ kind: 'checkout', card: ANNA, item, branch: 'VAS', at: Date.now() - 60_000 + i, attempts: 0, offline: true });
    const db = store.db;
    const lease = () =>
      db.prepare("SELECT owner, expires_at AS expiresAt FROM queue_lease WHERE name = 'replay'").get() as
        | { owner: string; expiresAt: number }
        | undefined;
    const settled = () =>
      (db.prepare("SELECT COUNT(*) AS n FROM queue_transactions WHERE state IN ('done', 'conflict')").get() as { n: number }).n;

    const first = kiosk(acs.port, file);
    const held = await until(() => {
      const l = lease();
      return l?.owner.startsWith(`${first.pid}:`) && settled() >= 2 ? l : undefined;
    }, 'the first kiosk to be replaying');
    const exited = new Promise((r) => first.once('exit', r));
    process.kill(-first.pid!, 'SIGKILL');
    await exited;
    expect(settled()).toBeLessThan(ITEMS.length);
    expect(lease()?.owner).toBe(held.owner);

    const second = kiosk(acs.port, file);
    const takenAt = await until(
      () => (lease()?.owner.startsWith(`${second.pid}:`) ? Date.now() : undefined),
      'the second kiosk to take the lease',
    );
    // Taken over because the holder is dead, not because its lease ran out.
    expect(takenAt).toBeLessThan(held.expiresAt);
    await until(() => (settled() === ITEMS.length ? true : undefined), 'the replay to finish');

    const states = db.prepare('SELECT item, state FROM queue_transactions ORDER BY seq').all() as Array<{ item: string; state: string }>;
    expect(states.map((s) => s.state)).toEqual(ITEMS.map(() => 'done'));
    for (const item of ITEMS) {
      expect(acs.state.loans.get(item)?.cardNumber).toBe(ANNA);
      const checkouts = acs.state.transactions.filter((t) => t.itemId === item && t.kind === 'checkout' && t.ok);
      expect(checkouts, item).toHaveLength(1);
    }
    db.close();
  });
});
