import { describe, expect, it } from 'vitest';
import { decideEntry } from '../../../main/door/decide.ts';
import { EntryCache } from '../../../main/door/entry-cache.ts';
import { InstallKey } from '../../../main/security/install-key.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { doorSchema } from '../../../shared/config/door.ts';
import type { PatronInfo } from '../../../shared/domain/central.ts';
import { CentralDouble } from '../../doubles/central-double.ts';
import { patron } from './patron.ts';

const tz = 'Europe/Stockholm';
const rules = doorSchema.parse({ staffCategories: ['STAFF'] });
// A Tuesday in Stockholm: 06:05 unstaffed, 23:30 closed.
const MORNING = new Date('2026-12-01T05:05:00Z');
const NIGHT = new Date('2026-12-01T22:30:00Z');
const DAY = 86_400_000;

const PATRONS: Record<string, { pin: string; info: Partial<PatronInfo> }> = {
  '1001': { pin: '1234', info: {} },
  '2002': { pin: '5678', info: { category: 'STAFF' } },
  '3003': { pin: '9999', info: { extra: {} } },
};

/** The one CentralSystem double with these patrons scripted; a cut link fails like the SIP2 client does (transient). */
function central() {
  // What library staff may change in the library system while the door runs.
  const patrons = structuredClone(PATRONS);
  const system = new CentralDouble().script('patronInformation', ([card, pin]) => {
    const p = patrons[card];
    return patron({ cardNumber: card, valid: p !== undefined, pinValid: p?.pin === pin, ...p?.info });
  });
  return {
    system,
    change: (card: string, to: { pin?: string; info?: Partial<PatronInfo> }) => {
      const p = patrons[card]!;
      patrons[card] = { pin: to.pin ?? p.pin, info: { ...p.info, ...to.info } };
    },
    down: () => system.setHealth('offline'),
    silentButHealthy: () => {
      system.fault = 'down';
    },
  };
}

function setup(options: { days?: number; enabled?: boolean } = {}) {
  const db = openDatabase(':memory:');
  let now = MORNING.getTime();
  const cache = new EntryCache(db, options.days ?? 14, InstallKey.ephemeral(), () => now);
  const c = central();
  const r = doorSchema.parse({ ...rules, offlineEntry: { enabled: options.enabled ?? true, days: options.days ?? 14 } });
  const ask = (card: string, pin: string, at = MORNING) => decideEntry({ central: c.system, rules: r, timeZone: tz, card, pin, at, cache });
  /** remember() hashes in the background; wait until it has landed. */
  const settle = () => cache.settled();
  return { db, cache, c, ask, settle, later: (ms: number) => (now += ms) };
}

describe('offline entry cache (door, central system unreachable)', () => {
  it('lets in a patron who entered while online, with the same card and PIN, in unstaffed hours only', async () => {
    const t = setup();
    expect(await t.ask('1001', '1234')).toEqual({ grant: true, staff: false });
    await t.settle();
    t.c.down();
    expect(await t.ask('1001', '1234')).toEqual({ grant: true, staff: false });
    expect(await t.ask('1001', '1111')).toEqual({ grant: false, reason: 'wrong-pin' });
    expect(await t.ask('1001', '1234', NIGHT)).toEqual({ grant: false, reason: 'outside-hours' });
  });

  it('a patron never seen, or one the rules refused, is told the door cannot check now', async () => {
    const t = setup();
    expect(await t.ask('3003', '9999')).toEqual({ grant: false, reason: 'no-permission' });
    await t.settle();
    t.c.down();
    expect(await t.ask('3003', '9999')).toEqual({ grant: false, reason: 'offline' });
    expect(await t.ask('4004', '1234')).toEqual({ grant: false, reason: 'offline' });
  });

  it('staff get in at night from the cache too', async () => {
    const t = setup();
    await t.ask('2002', '5678', NIGHT);
    await t.settle();
    t.c.down();
    expect(await t.ask('2002', '5678', NIGHT)).toEqual({ grant: true, staff: true });
  });

  it('an unanswered request (timeout) falls back to the cache as well', async () => {
    const t = setup();
    await t.ask('1001', '1234');
    await t.settle();
    t.c.silentButHealthy();
    expect(await t.ask('1001', '1234')).toEqual({ grant: true, staff: false });
  });

  it('entries expire after the configured days, and the branch can turn offline entry off', async () => {
    const t = setup({ days: 2 });
    await t.ask('1001', '1234');
    await t.settle();
    t.c.down();
    t.later(3 * DAY);
    expect(await t.ask('1001', '1234')).toEqual({ grant: false, reason: 'offline' });
    expect(t.cache.prune()).toBe(1);

    const off = setup({ enabled: false });
    await off.ask('1001', '1234');
    await off.settle();
    off.c.down();
    expect(await off.ask('1001', '1234')).toEqual({ grant: false, reason: 'offline' });
  });

  it('a later refusal drops the cached door entry: blocked, permission withdrawn or card unknown, online, then refused offline', async () => {
    for (const change of [{ blockReasons: ['blocked'] as const }, { extra: {} }, { valid: false }]) {
      const t = setup();
      expect(await t.ask('1001', '1234')).toEqual({ grant: true, staff: false });
      await t.settle();
      t.c.change('1001', { info: change as Partial<PatronInfo> });
      expect((await t.ask('1001', '1234')).grant).toBe(false);
      await t.settle();
      t.c.down();
      expect(await t.ask('1001', '1234')).toEqual({ grant: false, reason: 'offline' });
    }
  });

  it('a block that arrives with a wrong PIN drops the patron too', async () => {
    const t = setup();
    await t.ask('1001', '1234');
    await t.settle();
    t.c.change('1001', { info: { blockReasons: ['blocked'] } });
    expect(await t.ask('1001', '0000')).toEqual({ grant: false, reason: 'wrong-pin' });
    await t.settle();
    t.c.down();
    expect(await t.ask('1001', '1234')).toEqual({ grant: false, reason: 'offline' });
  });

  it('after a PIN change the old PIN, refused online, no longer opens the door offline', async () => {
    const t = setup();
    await t.ask('1001', '1234');
    await t.settle();
    t.c.change('1001', { pin: '4321' });
    expect(await t.ask('1001', '1234')).toEqual({ grant: false, reason: 'wrong-pin' });
    await t.settle();
    t.c.down();
    expect(await t.ask('1001', '1234')).toEqual({ grant: false, reason: 'offline' });
  });

  it('a slip of the finger online does not cost the patron their offline entry', async () => {
    const t = setup();
    await t.ask('1001', '1234');
    await t.settle();
    expect(await t.ask('1001', '1243')).toEqual({ grant: false, reason: 'wrong-pin' });
    await t.settle();
    t.c.down();
    expect(await t.ask('1001', '1234')).toEqual({ grant: true, staff: false });
  });

  it('a refusal that lands while the previous answer is still being written wins', async () => {
    const t = setup();
    const first = t.ask('1001', '1234');
    await first; // cached in the background (scrypt)...
    t.c.change('1001', { info: { blockReasons: ['blocked'] } });
    await t.ask('1001', '1234'); // ...while the block arrives
    await t.settle();
    t.c.down();
    expect(await t.ask('1001', '1234')).toEqual({ grant: false, reason: 'offline' });
  });

  it('keeps neither the card number nor the PIN in clear', async () => {
    const t = setup();
    await t.ask('1001', '1234');
    await t.settle();
    const rows = t.db.prepare('SELECT * FROM door_cache').all() as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.card_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((row.pin_hash as Buffer).length).toBe(32);
    for (const value of Object.values(row)) expect([String(value), Buffer.isBuffer(value) ? value.toString() : '']).not.toContain('1001');
    for (const value of Object.values(row)) expect([String(value), Buffer.isBuffer(value) ? value.toString() : '']).not.toContain('1234');
  });

  it('a new install secret (the old one lost or not restored): nobody gets in offline on the old rows, and the re-check drops them', async () => {
    const db = openDatabase(':memory:');
    const now = MORNING.getTime();
    const before = new EntryCache(db, 14, InstallKey.ephemeral(), () => now);
    const c = central();
    const ask = (cache: EntryCache, card: string, pin: string) =>
      decideEntry({ central: c.system, rules, timeZone: tz, card, pin, at: MORNING, cache });
    expect(await ask(before, '1001', '1234')).toEqual({ grant: true, staff: false });
    await before.settled();

    const after = new EntryCache(db, 14, InstallKey.ephemeral(), () => now);
    c.down();
    expect(await ask(after, '1001', '1234')).toEqual({ grant: false, reason: 'offline' });
    // The background re-check cannot read the old row's card back: it is dropped rather than trusted.
    expect(after.due(now, 10)).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM door_cache').get()).toEqual({ n: 0 });
  });
});
