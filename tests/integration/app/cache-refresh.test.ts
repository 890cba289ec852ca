import { afterEach, describe, expect, it } from 'vitest';
import { connectCentral } from '../../../main/central/index.ts';
import { CacheRefresh } from '../../../main/door/cache-refresh.ts';
import { decideEntry } from '../../../main/door/decide.ts';
import { EntryCache } from '../../../main/door/entry-cache.ts';
import { InstallKey } from '../../../main/security/install-key.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { manualTicker } from '../../unit/door/manual-ticker.ts';
import { tempDirs } from '../../unit/queue/temp-db.ts';
import { Cleanups, tappedAcs } from './branch-fixture.ts';

/**
 * Revocation reaches the door while online: the offline entry cache is
 * re-checked against the library system in the background (here the demo
 * central system over real SIP2, behind a tap that counts the requests
 * and can cut the line), so a card blocked there is refused at the door
 * within `everyMinutes`, even when the network goes down afterwards.
 */
const ANNA = { card: '23000000000017', pin: '1234' };
const SARA = { card: '23000000000066', pin: '6789' }; // staff
const MARIA = { card: '23000000000033', pin: '3456' };
/** Monday 30 November 2026, 07:00 in Stockholm: unstaffed. */
const MORNING = new Date('2026-11-30T07:00:00+01:00');
const MINUTE = 60_000;

const cleanups = new Cleanups();
const files = tempDirs();
afterEach(async () => {
  await cleanups.run();
  files.cleanup();
});

async function door(refresh: { everyMinutes: number; perMinute: number }) {
  const { acs, tap, central } = await tappedAcs(cleanups);
  const config = configSchema.parse({ central, door: { offlineEntry: { refresh } } });
  const conn = await connectCentral(config, silentLogger);
  cleanups.add(() => conn.close());
  await conn.connect();
  const time = manualTicker(MORNING.getTime());
  const db = openDatabase(files.file());
  cleanups.add(() => void db.close());
  const cache = new EntryCache(db, 14, InstallKey.ephemeral(), time.now);
  const refresher = new CacheRefresh(cache, conn.central, config.door, 'Europe/Stockholm', silentLogger, time.ticker);
  refresher.start();
  cleanups.add(() => refresher.stop());
  const enter = async (p: { card: string; pin: string }) => {
    const decision = await decideEntry({
      central: conn.central,
      rules: config.door,
      timeZone: 'Europe/Stockholm',
      card: p.card,
      pin: p.pin,
      at: new Date(time.now()),
      cache,
    });
    await cache.settled();
    return decision;
  };
  /** Time passes by a minute: the refresh's tick runs one round (and the test waits for it). */
  const minutePasses = async () => {
    time.pass(MINUTE);
    return refresher.round();
  };
  const offline = async () => {
    tap.down();
    await new Promise<void>((resolve) => {
      if (conn.central.health() === 'offline') return resolve();
      const off = conn.central.onHealth((h) => {
        if (h !== 'offline') return;
        off();
        resolve();
      });
    });
  };
  return { acs, tap, enter, minutePasses, offline, cache };
}

describe('the offline entry cache is re-checked while online', () => {
  it('a card blocked in the library system is refused at the door within the interval, even after the network goes down', async () => {
    const t = await door({ everyMinutes: 30, perMinute: 60 });
    expect(await t.enter(ANNA)).toEqual({ grant: true, staff: false });
    expect(await t.enter(SARA)).toEqual({ grant: true, staff: true });

    // Staff block Anna in the library system (and Sara stays as she was).
    t.acs.state.updatePatron(ANNA.card, { blocked: true });
    const asked = () => t.tap.sent.filter((m) => m.code === '63').length;
    const before = asked();
    // Within the interval nobody is asked again (that is the window the interval allows).
    for (let i = 0; i < 29; i++) expect(await t.minutePasses()).toEqual({ checked: 0, dropped: 0 });
    expect(asked()).toBe(before);
    // At 30 minutes both are re-checked, without a PIN; Anna is dropped.
    expect(await t.minutePasses()).toEqual({ checked: 2, dropped: 1 });
    const rechecks = t.tap.sent.filter((m) => m.code === '63').slice(before);
    expect(rechecks.map((m) => m.fields.find((f) => f.id === 'AD')?.value ?? '')).toEqual(['', '']);

    await t.offline();
    expect(await t.enter(ANNA)).toEqual({ grant: false, reason: 'offline' });
    expect(await t.enter(SARA)).toEqual({ grant: true, staff: true });
  });

  it('asks at most perMinute patrons a minute, oldest first, and nothing while the link is down', async () => {
    const t = await door({ everyMinutes: 1, perMinute: 1 });
    for (const p of [ANNA, SARA, MARIA]) await t.enter(p);
    const asked = () => t.tap.sent.filter((m) => m.code === '63').length;
    let before = asked();
    expect(await t.minutePasses()).toEqual({ checked: 1, dropped: 0 });
    expect(asked() - before).toBe(1);
    before = asked();
    await t.offline();
    expect(await t.minutePasses()).toEqual({ checked: 0, dropped: 0 });
    expect(asked()).toBe(before);
  });
});
