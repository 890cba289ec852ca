import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningKiosk } from '../../../main/app/start-kiosk.ts';
import { until } from '../devices/fixtures/pty.ts';
import { type Branch, Cleanups, startBranch } from './branch-fixture.ts';

/**
 * Finding 3: the patron PIN attempt limit, shared by the self-service
 * screen and the door (5 wrong in 15 minutes per card by default), counted
 * on disk before the PIN is checked, online or offline. Asserted on what
 * crossed the SIP2 wire and what is in the SQLite file.
 */
const ANNA = { card: '23000000000017', pin: '1234' };
const WRONG = ['1111', '2222', '3333', '4444', '5555'];
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

/** Five wrong PINs at the self-service screen; returns what the screen said each time. */
async function fiveWrongAtScreen(t: Branch): Promise<string[]> {
  await t.bridge.presentCard(ANNA.card);
  const said: string[] = [];
  for (const pin of WRONG) {
    const view = await t.bridge.typePin(pin);
    said.push(String(view.data.error));
    if (view.screen === 'error') break;
  }
  return said;
}

function cachedPins(t: Branch): number {
  const db = new Database(join(t.dir, 'openbranch.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM queue_pins').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function offline(kiosk: RunningKiosk): Promise<void> {
  if (kiosk.queue.mode() !== 'online') return Promise.resolve();
  return new Promise((resolve) => {
    const off = kiosk.queue.onMode((m) => {
      if (m === 'online') return;
      off();
      resolve();
    });
  });
}

describe('patron PIN attempts: one limit for the self-service screen and the door', () => {
  it('after 5 wrong PINs the 6th is never sent; the screen says when to try again', async () => {
    const t = await startBranch(cleanups);
    const said = await fiveWrongAtScreen(t);
    expect(said).toEqual(['wrong-pin', 'wrong-pin', 'wrong-pin', 'wrong-pin', 'locked-out']);
    expect(t.tap.patronRequests(ANNA.card).map((r) => r.pin)).toEqual(WRONG);

    // The card is refused, the right PIN included, before anything is sent.
    await t.bridge.endSession();
    await t.bridge.presentCard(ANNA.card);
    const refused = await t.bridge.typePin(ANNA.pin);
    expect(refused).toMatchObject({ screen: 'error', data: { error: 'locked-out', retryAt: expect.stringMatching(HHMM) } });
    expect(t.tap.patronRequests(ANNA.card)).toHaveLength(WRONG.length);

    // The same card at the door: refused with the same time, the library system not asked, the lock never energised.
    const door = await t.bridge.enterAtDoor(ANNA.card, ANNA.pin);
    expect(door).toMatchObject({ step: 'denied', reason: 'locked-out', retryAt: refused.data.retryAt });
    expect(t.tap.patronRequests(ANNA.card)).toHaveLength(WRONG.length);
    expect(t.board.frames.some((f) => f.on)).toBe(false);
  });

  it('wrong PINs at the door count at the self-service screen too, and a restart does not reset them', async () => {
    const t = await startBranch(cleanups);
    for (const pin of WRONG) await t.bridge.enterAtDoor(ANNA.card, pin);
    const again = await t.restart();
    await again.bridge.presentCard(ANNA.card);
    expect(await again.bridge.typePin(ANNA.pin)).toMatchObject({ screen: 'error', data: { error: 'locked-out' } });
    expect(await again.bridge.enterAtDoor(ANNA.card, ANNA.pin)).toMatchObject({ reason: 'locked-out' });
    expect(again.tap.patronRequests(ANNA.card)).toHaveLength(WRONG.length);
  });

  it('wrong PINs checked offline (against the local hash cache) count too', async () => {
    const t = await startBranch(cleanups);
    // Seen online once, so her PIN hash is cached for offline use.
    await t.bridge.presentCard(ANNA.card);
    expect((await t.bridge.typePin(ANNA.pin)).screen).toBe('menu');
    await t.bridge.endSession();
    await until(() => cachedPins(t) === 1, 15_000); // the PIN hash is written after the answer, in the background
    t.tap.down();
    await offline(t.kiosk);
    const sent = t.tap.sent.length;
    expect(await fiveWrongAtScreen(t)).toEqual(['wrong-pin', 'wrong-pin', 'wrong-pin', 'wrong-pin', 'locked-out']);
    await t.bridge.endSession();
    await t.bridge.presentCard(ANNA.card);
    expect(await t.bridge.typePin(ANNA.pin)).toMatchObject({ screen: 'error', data: { error: 'locked-out' } });
    expect(t.tap.sent.length).toBe(sent);
  });

  it('keeps the count under a keyed hash of the card, never the card number', async () => {
    const t = await startBranch(cleanups);
    await t.bridge.enterAtDoor(ANNA.card, WRONG[0]!);
    const db = new Database(join(t.dir, 'openbranch.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT card_key AS key FROM pin_attempts').all() as { key: string }[];
      expect(rows).toHaveLength(1);
      expect(rows[0]!.key).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0]!.key).not.toContain(ANNA.card);
    } finally {
      db.close();
    }
  });
});
