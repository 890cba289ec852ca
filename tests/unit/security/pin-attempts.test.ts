import { afterEach, describe, expect, it } from 'vitest';
import { InstallKey } from '../../../main/security/install-key.ts';
import { PinAttempts, type PinVerdict } from '../../../main/security/pin-attempts.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { tempDirs } from '../queue/temp-db.ts';

const POLICY = { wrong: 5, windowMinutes: 15 };
const WINDOW = 15 * 60_000;
const files = tempDirs();
afterEach(() => files.cleanup());

function limit(file = ':memory:', key = InstallKey.ephemeral()) {
  let now = 1_000_000;
  const db = openDatabase(file);
  const attempts = new PinAttempts(db, POLICY, key.cardKey, () => now);
  return { attempts, db, pass: (ms: number) => (now += ms), now: () => now };
}

const wrong = (attempts: PinAttempts, card = '1001') =>
  attempts.guard(
    card,
    async () => 'wrong' as PinVerdict,
    (v) => v,
  );

describe('patron PIN attempts (counted on disk before the check)', () => {
  it('40 checks started at once for one card: only 5 run, the rest are refused before the check', async () => {
    const { attempts } = limit();
    let started = 0;
    const release: (() => void)[] = [];
    const slowWrongCheck = () =>
      new Promise<PinVerdict>((resolve) => {
        started++;
        release.push(() => resolve('wrong'));
      });
    const all = Array.from({ length: 40 }, () => attempts.guard('1001', slowWrongCheck, (v) => v));
    expect(started).toBe(5);
    for (const r of release) r();
    const results = await Promise.all(all);
    expect(results.filter((r) => !r.ok)).toHaveLength(35);
  });

  it('refuses the card until the wrong PIN that reached the limit is older than the window', async () => {
    const t = limit();
    const first = t.now();
    for (let i = 0; i < 4; i++) {
      expect(await wrong(t.attempts)).toMatchObject({ ok: true, lockedUntil: undefined });
      t.pass(60_000);
    }
    expect(await wrong(t.attempts)).toMatchObject({ ok: true, lockedUntil: new Date(first + WINDOW) });
    expect(t.attempts.begin('1001')).toEqual({ ok: false, retryAt: new Date(first + WINDOW) });
    expect(t.attempts.begin('2002').ok).toBe(true); // other cards are not affected
    t.pass(first + WINDOW - t.now() - 1);
    expect(t.attempts.begin('1001').ok).toBe(false);
    t.pass(1);
    expect(t.attempts.begin('1001').ok).toBe(true);
  });

  it('a right PIN clears the count; a check that could not be made is taken back', async () => {
    const t = limit();
    for (let i = 0; i < 4; i++) await wrong(t.attempts);
    await t.attempts.guard(
      '1001',
      async () => 'right' as PinVerdict,
      (v) => v,
    );
    for (let i = 0; i < 4; i++) await wrong(t.attempts);
    for (let i = 0; i < 10; i++)
      await t.attempts.guard(
        '1001',
        async () => 'unchecked' as PinVerdict,
        (v) => v,
      );
    await expect(
      t.attempts.guard(
        '1001',
        () => Promise.reject(new Error('link down')),
        (v: PinVerdict) => v,
      ),
    ).rejects.toThrow('link down');
    expect(t.attempts.begin('1001').ok).toBe(true);
  });

  it('survives a restart, and an attempt cut short by a crash counts as wrong', async () => {
    const file = files.file();
    const key = InstallKey.ephemeral();
    const before = limit(file, key);
    for (let i = 0; i < 4; i++) await wrong(before.attempts);
    expect(before.attempts.begin('1001').ok).toBe(true); // the process dies before the PIN is checked
    before.db.close();
    const after = limit(file, key);
    expect(after.attempts.begin('1001').ok).toBe(false);
  });

  it('a disk that refuses writes: attempts are counted in memory and the limit still holds', async () => {
    const t = limit();
    const faults: unknown[] = [];
    const attempts = new PinAttempts(t.db, POLICY, InstallKey.ephemeral().cardKey, t.now, (e) => faults.push(e));
    await wrong(attempts);
    t.db.pragma('query_only = ON');
    for (let i = 0; i < 4; i++) expect(await wrong(attempts)).toMatchObject({ ok: true });
    expect(attempts.begin('1001').ok).toBe(false);
    expect(faults.length).toBeGreaterThan(0);
    // A right PIN clears the count even while the disk keeps the old rows.
    const other = '2002';
    for (let i = 0; i < 2; i++) await wrong(attempts, other);
    t.db.pragma('query_only = OFF');
    for (let i = 0; i < 2; i++) await wrong(attempts, other);
    t.db.pragma('query_only = ON');
    await attempts.guard(
      other,
      async () => 'right' as PinVerdict,
      (v) => v,
    );
    for (let i = 0; i < 3; i++) await wrong(attempts, other);
    expect(attempts.begin(other).ok).toBe(true); // 3 since the right PIN, not 7
  });

  it('wrong PINs in the same millisecond as a right one still count (found by the door property test)', async () => {
    const t = limit();
    await t.attempts.guard(
      '1001',
      async () => 'right' as PinVerdict,
      (v) => v,
    );
    for (let i = 0; i < 5; i++) await wrong(t.attempts);
    expect(t.attempts.begin('1001').ok).toBe(false);
  });

  it('prunes attempts older than the window', async () => {
    const t = limit();
    await wrong(t.attempts);
    t.pass(WINDOW);
    expect(t.attempts.prune()).toBe(1);
  });
});
