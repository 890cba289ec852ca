import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QueueStore } from '../../../main/queue/store.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import {
  centralListener,
  giveToKioskUser,
  killGroup,
  kioskHome,
  privateTmpfs,
  removeHome,
  root,
  runStart,
  type StartResult,
} from './start-process.ts';

/**
 * Finding 6: a data file that is damaged, locked, unreadable, or on a
 * read-only or full disk stops `openbranch start` at once with a typed
 * error naming the file and what to do, exit 75 (EX_TEMPFAIL), 78 (EX_CONFIG) or 74
 * (EX_IOERR), and nothing started before it: the central system (a TCP
 * listener here) never sees a connection.
 */
let central: Awaited<ReturnType<typeof centralListener>>;
const homes: string[] = [];
const cleanups: Array<() => void> = [];
beforeAll(async () => {
  central = await centralListener();
  return () => central.close();
});
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  for (const h of homes.splice(0)) removeHome(h);
});

function home() {
  const h = kioskHome(central.port);
  homes.push(h.home);
  return h;
}

/** A data file as a kiosk leaves it: queue tables and transactions, closed cleanly. */
function validDataFile(file: string, rows = 2000): void {
  mkdirSync(dirname(file), { recursive: true });
  const db = openDatabase(file);
  const store = new QueueStore(db);
  db.transaction(() => {
    for (let i = 0; i < rows; i++)
      store.record({ kind: 'checkin', item: `39${String(i).padStart(12, '0')}`, branch: 'VAS', at: i, attempts: 0 });
  })();
  db.close();
}

function expectRefused(r: StartResult, exit: number, code: string, path: string): void {
  expect(r.signal, r.stderr).toBeNull();
  expect(r.code, r.stderr).toBe(exit);
  expect(r.stderr).toContain(`[${code}]`);
  expect(r.stderr).toContain(path);
  // A message for a technician, not a stack trace.
  expect(r.stderr).not.toMatch(/SqliteError|\n\s+at /);
  expect(r.stdout).not.toContain('OpenBranch kiosk:');
  expect(central.connections()).toBe(0);
}

const tmpfsWorks = () => spawnSync('unshare', ['--mount', 'true']).status === 0;

describe('start-up with a bad data file', () => {
  it('random bytes: moved aside with a timestamp and kept byte for byte; exit 75 (the next start begins afresh)', async () => {
    const h = home();
    mkdirSync(h.data, { recursive: true });
    const junk = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251));
    writeFileSync(h.file, junk);
    const r = await runStart(h.home, h.config);
    expectRefused(r, 75, 'storage.corrupt', h.file);
    const aside = readdirSync(h.data).filter((f) => /^openbranch\.sqlite\.corrupt-\d{8}T\d{6}Z$/.test(f));
    expect(aside).toHaveLength(1);
    expect(r.stderr).toContain(`moved to ${join(h.data, aside[0]!)}`);
    expect(readFileSync(join(h.data, aside[0]!))).toEqual(junk);
    expect(existsSync(h.file)).toBe(false);
  });

  it('damaged pages behind a valid header (PRAGMA quick_check): moved aside, exit 75', async () => {
    const h = home();
    validDataFile(h.file);
    const bytes = readFileSync(h.file);
    bytes.fill(0x5a, 4096 * 3, 4096 * 3 + 300);
    writeFileSync(h.file, bytes);
    const r = await runStart(h.home, h.config);
    expectRefused(r, 75, 'storage.corrupt', h.file);
    expect(r.stderr).toMatch(/btreeInitPage|wrong # of entries|malformed/);
    expect(readdirSync(h.data).some((f) => f.startsWith('openbranch.sqlite.corrupt-'))).toBe(true);
  });

  it('held by another process with an exclusive lock: exit 75 (worth trying again), the file untouched', async () => {
    const h = home();
    validDataFile(h.file, 10);
    const before = readFileSync(h.file);
    const holder = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'hold-lock-child.ts'), h.file], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    cleanups.push(() => killGroup(holder));
    await new Promise<void>((resolve, reject) => {
      holder.stdout?.on('data', (d: Buffer) => d.toString().includes('held') && resolve());
      holder.once('exit', (c) => reject(new Error(`lock holder exited with ${c}`)));
    });
    const r = await runStart(h.home, h.config);
    expectRefused(r, 75, 'storage.locked', h.file);
    expect(readFileSync(h.file)).toEqual(before);
  });

  it.each([
    ['the file unreadable (chmod 000)', 'file', 0o000],
    ['a data folder it cannot write in (chmod 500)', 'data', 0o500],
  ] as const)('%s for the kiosk user: exit 74', async (_, which, mode) => {
    const h = home();
    validDataFile(h.file, 10);
    giveToKioskUser(h.home);
    chmodSync(h[which], mode);
    const r = await runStart(h.home, h.config, { asKioskUser: true });
    expectRefused(r, 74, 'storage.unreadable', h[which]);
    expect(r.stderr).toContain('EACCES');
  });

  it('a read-only file system (tmpfs remounted read-only): exit 74', async () => {
    expect(tmpfsWorks(), 'needs root and unshare(1) for a private tmpfs').toBe(true);
    const h = home();
    const prepared = join(h.home, 'prepared.sqlite');
    validDataFile(prepared, 10);
    const setup = `cp "${prepared}" "$0/openbranch.sqlite" && mount -o remount,ro "$0"`;
    mkdirSync(h.data);
    const r = await runStart(h.home, h.config, { wrap: privateTmpfs(h.data, '4m', setup) });
    expectRefused(r, 74, 'storage.read-only', h.data);
    expect(r.stderr).toContain('EROFS');
  });

  it('a full disk (a 1 MB tmpfs filled up): exit 74', async () => {
    expect(tmpfsWorks(), 'needs root and unshare(1) for a private tmpfs').toBe(true);
    const h = home();
    const prepared = join(h.home, 'prepared.sqlite');
    validDataFile(prepared, 10);
    const setup = `cp "${prepared}" "$0/openbranch.sqlite" && { head -c 4000000 /dev/zero > "$0/filler" 2>/dev/null || true; }`;
    mkdirSync(h.data);
    const r = await runStart(h.home, h.config, { wrap: privateTmpfs(h.data, '1m', setup) });
    expectRefused(r, 74, 'storage.full', h.data);
  });

  it("SQLite's own failures on a full disk are typed too (a new file, an existing file; free-space floor off)", () => {
    expect(tmpfsWorks(), 'needs root and unshare(1) for a private tmpfs').toBe(true);
    const h = home();
    const prepared = join(h.home, 'prepared.sqlite');
    validDataFile(prepared, 10);
    mkdirSync(h.data);
    const fill = '{ head -c 4000000 /dev/zero > "$D/filler" 2>/dev/null || true; }';
    const open = (f: string) => `"$NODE" --import tsx "$CHILD" "${f}"`;
    const script = [
      'mount -t tmpfs -o size=1m tmpfs "$D"',
      fill,
      open('$D/new/openbranch.sqlite'),
      'rm "$D/filler"',
      'cp "$P" "$D/old.sqlite"',
      fill,
      open('$D/old.sqlite'),
    ].join(' && ');
    const r = spawnSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, D: h.data, P: prepared, NODE: process.execPath, CHILD: join(import.meta.dirname, 'open-data-file-child.ts') },
    });
    const outcomes = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { code?: string; untyped?: string });
    expect(outcomes, r.stderr).toHaveLength(2);
    for (const o of outcomes) expect(o.code, JSON.stringify(o)).toBe('storage.full');
  });
});
