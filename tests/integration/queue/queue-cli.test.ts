import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_LOGIN } from '../../../main/central/demo/data.ts';
import { startDemoAcs } from '../../../main/central/index.ts';
import { QueueStore } from '../../../main/queue/store.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { runCli } from '../../support/cli.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A kiosk data folder with a queue file in it, and a config that points there. */
function kiosk() {
  const dir = mkdtempSync(join(tmpdir(), 'ob-queue-cli-'));
  dirs.push(dir);
  const config = join(dir, 'config.yaml');
  writeFileSync(config, `dataDir: ${join(dir, 'data')}\n`);
  const store = new QueueStore(openDatabase(join(dir, 'data', 'openbranch.sqlite')));
  const tx = { card: '23000000000017', branch: 'VAS', attempts: 0 as const, at: Date.UTC(2026, 10, 27, 21, 30) };
  const done = store.record({ ...tx, kind: 'checkout', item: '39000000000011' });
  store.finish(done, 'done', 'ok');
  const conflict = store.record({ ...tx, kind: 'checkout', item: '39000000000029', offline: true });
  store.finish(conflict, 'conflict', null, { reason: 'checked-out-to-other', message: 'Item checked out to another patron' });
  store.record({ ...tx, kind: 'checkin', item: '39000000000037', offline: true });
  store.db.close();
  const run = (...args: string[]) => runCli(['queue', ...args, '--config', config]);
  return { dir, run, conflictId: conflict.id };
}

describe('openbranch queue', () => {
  it('status --json counts by state and exits 1 while something waits for staff or replay', async () => {
    const { run } = kiosk();
    const r = await run('status', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      counts: { pending: 1, unknown: 0, done: 1, conflict: 1, cancelled: 0 },
      backlog: 1,
      openConflicts: 1,
      oldestPending: '2026-11-27T21:30:00.000Z',
    });
  });

  it('list --state conflict --json shows the reason and a shortened card number', async () => {
    const { run } = kiosk();
    const rows = JSON.parse((await run('list', '--state', 'conflict', '--json')).stdout);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ card: '…0017', item: '39000000000029', reason: 'checked-out-to-other', state: 'conflict' });
    const bad = await run('list', '--state', 'nonsense');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('queue.bad-state');
  });

  it('export --csv writes the conflicts; handle marks one handled and status then exits 1 only for the backlog', async () => {
    const { dir, run, conflictId } = kiosk();
    const file = join(dir, 'conflicts.csv');
    expect((await run('export', '--csv', file)).status).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('id,time,kind,card,item,branch,reason,serverMessage,handled');
    expect(lines[1]).toBe(
      `${conflictId},2026-11-27T21:30:00.000Z,checkout,23000000000017,39000000000029,VAS,checked-out-to-other,Item checked out to another patron,`,
    );
    expect((await run('handle', conflictId, '--by', 'anna')).status).toBe(0);
    expect(JSON.parse((await run('status', '--json')).stdout).openConflicts).toBe(0);
    expect((await run('handle', 'no-such-id')).status).toBe(2);
  });

  it('replay sends what waits to the configured central system (here the demo ACS over SIP2) and exits 0 when all settled', async () => {
    const acs = await startDemoAcs({ port: 0 });
    try {
      const { dir, run } = kiosk();
      const config = join(dir, 'config.yaml');
      writeFileSync(
        config,
        [
          `dataDir: ${join(dir, 'data')}`,
          'central:',
          '  kind: sip2',
          `  host: ${acs.host}`,
          `  port: ${acs.port}`,
          `  user: ${DEMO_LOGIN.user}`,
          `  password: ${DEMO_LOGIN.password}`,
          `  institution: ${DEMO_LOGIN.institution}`,
          'offline:',
          '  settleSeconds: 0',
          '',
        ].join('\n'),
      );
      // Async: the demo ACS answers from this process's event loop.
      const replay = await run('replay', '--json');
      expect(replay.status).toBe(0);
      expect(JSON.parse(replay.stdout)).toMatchObject({ sent: 1, done: 1, remaining: 0 });
      expect(acs.state.transactions).toMatchObject([{ kind: 'checkin', itemId: '39000000000037', noBlock: true, ok: true }]);
      expect((await run('status', '--json')).status).toBe(1); // the old conflict is still open
    } finally {
      await acs.close();
    }
  });
});
