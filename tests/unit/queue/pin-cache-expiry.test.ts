import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { PinCache } from '../../../main/queue/pin-cache.ts';
import { QueueStore } from '../../../main/queue/store.ts';
import { cardKeyer } from '../../../main/storage/card-key.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { tempDirs } from './temp-db.ts';

/**
 * Finding 9: a PIN cache that ignored `pinCacheDays` survived the suite.
 * The offline PIN check must stop trusting a hash once the patron has not
 * been seen online for that many days (time from a fake clock).
 */
const temp = tempDirs();
afterEach(() => temp.cleanup());

const DAY = 86_400_000;
const CARD = '23000000000017';
const PIN = '918273';
const T0 = 1_764_000_000_000;

/** A PIN cache of `days` on a real file, its time set through `clock.now`. */
function cache(days: number) {
  const clock = { now: T0 };
  const db = openDatabase(temp.file());
  new QueueStore(db);
  return { clock, db, pins: new PinCache(db, days, cardKeyer(randomBytes(32)), () => clock.now) };
}

describe('offline PIN cache expiry (pinCacheDays)', () => {
  it('answers for pinCacheDays after the last online log-in, then not at all; prune drops the row', async () => {
    const { clock, db, pins } = cache(30);
    await pins.remember(CARD, PIN);
    clock.now = T0 + 30 * DAY - 60_000;
    expect(await pins.check(CARD, PIN)).toBe('valid');
    expect(pins.prune()).toBe(0);
    clock.now = T0 + 30 * DAY + 60_000;
    expect(await pins.check(CARD, PIN)).toBe('not-cached');
    expect(await pins.check(CARD, '000000')).toBe('not-cached');
    expect(pins.prune()).toBe(1);
    db.close();
  });

  it('a new online log-in starts the days again', async () => {
    const { clock, db, pins } = cache(7);
    await pins.remember(CARD, PIN);
    clock.now = T0 + 6 * DAY;
    await pins.remember(CARD, PIN);
    clock.now = T0 + 12 * DAY;
    expect(await pins.check(CARD, PIN)).toBe('valid');
    db.close();
  });
});
