import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LcusSimulator } from '../../../devices/door/lcus-simulator.ts';
import { type RunningKiosk, startKiosk } from '../../../main/app/start-kiosk.ts';
import { OpsLog } from '../../../main/door/ops-log.ts';
import { hashToken } from '../../../main/staff-api/auth.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { type PtyPair, ptyPair, until } from '../devices/fixtures/pty.ts';

// LCUS frames as the vendor documents them: A0 01 01 A2 relay 1 on, A0 01 00 A1 relay 1 off.
const ON1 = 'a00101a2';
const OFF1 = 'a00100a1';
const KARIN = 'Karin L (jour)';
const TOKEN = 'karins-own-token-0123456789-abcdefghij';
const root = resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

/**
 * Remote help through the staff API of a real kiosk (composition root in
 * process) whose door lock is an LCUS relay board on a socat pty: what is
 * asserted is what crossed the wire to the board, and what the entry log
 * holds. The successful unlock goes through `openbranch remote` itself.
 */
describe('staff API: remote unlock, lockdown, clear', () => {
  let pty: PtyPair;
  let board: LcusSimulator;
  let kiosk: RunningKiosk;
  let dataDir: string;
  let url: string;

  beforeEach(async () => {
    pty = await ptyPair();
    board = new LcusSimulator(pty.device);
    await board.start();
    dataDir = mkdtempSync(join(tmpdir(), 'ob-staff-'));
    kiosk = await startKiosk({
      config: configSchema.parse({
        metrics: { enabled: false },
        devices: [
          { id: 'lock', kind: 'door-lock', driver: 'lcus', port: pty.host, relay: 1 },
          { id: 'door-contact', kind: 'door-sensor', driver: 'simulated' },
          { id: 'card', kind: 'card-reader', driver: 'simulated' },
        ],
        staffApi: { enabled: true, port: 0, staff: [{ name: KARIN, tokenHash: hashToken(TOKEN) }], maxFailures: 5 },
      }),
      logger: silentLogger,
      dataDir,
    });
    url = kiosk.staffApiUrl!;
    // The door releases the lock at start (fail secure): that is the board's first frame.
    await until(() => board.frames.length >= 1, 5000, 'release at start');
  });

  afterEach(async () => {
    await kiosk?.stop();
    await board.stop();
    await pty.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const staffActions = () => new OpsLog(kiosk.queue.store.db).staffActions('2000-01-01', '2100-01-01');
  const cli = (...args: string[]) =>
    run(process.execPath, ['main/cli/bin.mjs', 'remote', ...args, '--url', url], {
      cwd: root,
      env: { ...process.env, OPENBRANCH_STAFF_TOKEN: TOKEN },
    }).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );

  const hexes = () => board.frames.map((f) => f.hex);

  it('without valid credentials: 401 and nothing crosses the wire to the relay board', async () => {
    expect((await post('/v1/unlock', { seconds: 5, reason: 'patron stuck outside' })).status).toBe(401);
    expect((await post('/v1/unlock', { seconds: 5, reason: 'patron stuck outside' }, 'a-wrong-token-0123456789')).status).toBe(401);
    expect((await fetch(`${url}/v1/status`)).status).toBe(401);
    // A later valid status read is answered after the refused requests were handled: they switched nothing.
    const status = await fetch(`${url}/v1/status`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(status.status).toBe(200);
    // Only the releases of the start (fail secure) ever reached the board: never an "on".
    expect(hexes()).not.toContain(ON1);
    expect(board.relays.get(1)).toBe(false);
    expect(staffActions()).toEqual([]);
  });

  it('`openbranch remote unlock` opens the lock once for the given time and writes who and why to the entry log', async () => {
    // When the relay went on, and when it next went off after that.
    const pulse = new Promise<{ on: number; off: number }>((resolve) => {
      let on: number | undefined;
      board.onFrame((f) => {
        if (f.hex === ON1) on = Date.now();
        else if (on !== undefined) resolve({ on, off: Date.now() });
      });
    });
    const result = await cli('unlock', '--seconds', '2', '--reason', 'Patron stuck outside, card fails');
    expect(result.out).toContain('unlocked for 2 s');
    expect(result.code).toBe(0);
    const { on, off } = await pulse;
    // Once: one "on", followed by an "off" (the start's releases may still be arriving before it).
    expect(hexes().filter((h) => h === ON1)).toHaveLength(1);
    expect(hexes().lastIndexOf(OFF1)).toBeGreaterThan(hexes().indexOf(ON1));
    expect(board.relays.get(1)).toBe(false);
    // The relay held for at least the 2 s asked (a busy machine can only make it longer).
    expect(off - on).toBeGreaterThanOrEqual(1950);
    expect(staffActions()).toEqual([
      expect.objectContaining({ who: KARIN, action: 'unlock', reason: 'Patron stuck outside, card fails', seconds: 2 }),
    ]);
    // Opening the door during the remote unlock is not a forced door.
    expect(kiosk.door!.view().alarm).toBeUndefined();
  });

  it('lockdown refuses every entry and any remote unlock until cleared; each action is logged', async () => {
    expect((await cli('lockdown', '--reason', 'Break-in reported by police')).code).toBe(0);
    const before = board.frames.length;
    const refused = await cli('unlock', '--seconds', '3', '--reason', 'try anyway');
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('door.locked-down');
    // A patron with a valid card and PIN is refused, with the lockdown as the reason.
    const door = kiosk.door!;
    door.dispatch({ type: 'door.card', number: '23000000000017' });
    for (const digit of '1234') door.dispatch({ type: 'door.digit', digit });
    door.dispatch({ type: 'door.submit' });
    await until(() => door.view().step === 'denied', 5000, 'denied');
    expect(door.view().reason).toBe('lockdown');
    // Only releases (fail secure) crossed the wire: the relay was never switched on.
    expect(board.frames.slice(before).map((f) => f.hex)).not.toContain(ON1);
    expect(board.relays.get(1)).toBe(false);

    const status = await cli('status', '--json');
    // The door's state only: the patron who just tried is not in it.
    expect(status.out).not.toContain('23000000000017');
    expect(JSON.parse(status.out).status.lockdown).toMatchObject({ who: KARIN, reason: 'Break-in reported by police' });
    expect((await cli('clear', '--reason', 'Police have left')).code).toBe(0);
    expect(staffActions().map((a) => `${a.who}/${a.action}/${a.reason}`)).toEqual([
      `${KARIN}/lockdown/Break-in reported by police`,
      `${KARIN}/clear/Police have left`,
    ]);
    expect(door.lockdownState()).toBeUndefined();
  });

  it('a reason is required, the time is bounded, and repeated wrong tokens lock the address out', async () => {
    expect((await post('/v1/unlock', { seconds: 5 }, TOKEN)).status).toBe(400);
    expect((await post('/v1/unlock', { seconds: 5, reason: '' }, TOKEN)).status).toBe(400);
    expect((await post('/v1/unlock', { seconds: 600, reason: 'a long time' }, TOKEN)).status).toBe(400);
    expect((await post('/v1/lockdown', {}, TOKEN)).status).toBe(400);
    for (let i = 0; i < 5; i++) expect((await post('/v1/clear', { reason: 'guess' }, `wrong-token-number-${i}-xxxxxxxx`)).status).toBe(401);
    // Over the limit: refused before the token is even compared, the right one too.
    expect((await post('/v1/clear', { reason: 'now right' }, TOKEN)).status).toBe(429);
    expect(staffActions()).toEqual([]);
    expect(board.frames.every((f) => f.hex === OFF1)).toBe(true);
  });
});
