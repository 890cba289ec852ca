import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDemoCentralPerFile } from './demo-central.ts';

/** Reservations for pick-up anywhere: SIP2 Hold between the kiosk's client and the demo ACS over loopback TCP. */
const demo = startDemoCentralPerFile();

const ANNA = '23000000000017';
const PIN = '1234';

describe('SIP2 Hold against the demo ACS', () => {
  it('reserves for pick-up in Köping; a return elsewhere goes to the crate for Köping, a return in Köping to its hold shelf', async () => {
    const r = await demo().central.hold!({ cardNumber: ANNA, pin: PIN, itemId: '39000000000128', pickupLocation: 'KOP' });
    expect(r).toMatchObject({ ok: true, pickupLocation: 'KOP', queuePosition: 1, available: true, itemId: '39000000000128' });
    expect(demo().demo!.inProcess!.state.holds.filter((h) => h.cardNumber === ANNA && !h.waiting)).toMatchObject([
      { itemId: '39000000000128', pickup: 'KOP' },
    ]);
    expect((await demo().central.checkin({ itemId: '39000000000128', location: 'SALA' })).route).toEqual({
      kind: 'transit',
      destination: 'KOP',
      holdPatron: ANNA,
    });
    expect((await demo().central.checkin({ itemId: '39000000000128', location: 'KOP' })).route).toMatchObject({
      kind: 'hold-shelf',
      holdPatron: ANNA,
      pickupLocation: 'KOP',
    });
    expect(demo().demo!.inProcess!.state.holds.find((h) => h.itemId === '39000000000128')?.waiting).toBe(true);
  });

  it('a title-level hold is filled by whichever copy comes back first, as in Koha', async () => {
    const lib = demo().demo!.inProcess!.state;
    const catalog = demo().demo!.inProcess!.catalog;
    // A record of the demo catalogue with two copies that are not on loan.
    let copies: string[] = [];
    for (let i = 30; i < catalog.size && copies.length < 2; i++) {
      if (catalog.entry(i).deleted) continue;
      copies = catalog
        .record(i)
        .copies.filter((c) => !c.due && !c.notForLoan)
        .map((c) => c.barcode);
    }
    expect(copies.length).toBeGreaterThanOrEqual(2);
    const [first, second] = copies as [string, string];
    expect(await demo().central.hold!({ cardNumber: ANNA, pin: PIN, itemId: first, pickupLocation: 'KOP' })).toMatchObject({ ok: true });
    expect((await demo().central.checkin({ itemId: second, location: 'SALA' })).route).toMatchObject({
      kind: 'transit',
      destination: 'KOP',
      holdPatron: ANNA,
    });
    expect(lib.holds.find((h) => h.cardNumber === ANNA && h.pickup === 'KOP' && h.itemId === second)).toBeDefined();
  });

  it('says why it was refused, also where Koha gives no text', async () => {
    const hold = (card: string, pin: string, itemId: string) =>
      demo().central.hold!({ cardNumber: card, pin, itemId, pickupLocation: 'VAS' });
    expect(await hold(ANNA, PIN, '39000000000144')).toMatchObject({ ok: true });
    // Silent refusals (Koha's CanItemBeReserved): the kiosk asks the patron record afterwards.
    expect(await hold(ANNA, PIN, '39000000000144')).toMatchObject({ ok: false, refusal: 'already-reserved', screenMessages: [] });
    expect(await hold('23000000000025', '2345', '39000000000144')).toMatchObject({ ok: false, refusal: 'patron-blocked' });
    // Not for loan: Koha refuses without a word and nothing in the records says why; the kiosk says so honestly.
    expect(await hold(ANNA, PIN, '39000000000078')).toMatchObject({ ok: false, refusal: 'unknown', screenMessages: [] });
    // Koha's own texts.
    expect(await hold(ANNA, '9999', '39000000000144')).toMatchObject({ ok: false, refusal: 'invalid-patron' });
    expect(await hold('23000000000033', '3456', '39000000000144')).toMatchObject({ ok: false, refusal: 'patron-blocked' });
    expect(await hold(ANNA, PIN, '00000000000000')).toMatchObject({ ok: false, refusal: 'unknown-item' });
  });

  it('refuses the eleventh reservation as over the limit, and cancels one', async () => {
    const LEILA = '23000000000082';
    // Leila already has three (items 045, 086 and 102 of the demo data): seven more make ten.
    const ids = [
      '39000000000011',
      '39000000000029',
      '39000000000037',
      '39000000000052',
      '39000000000094',
      '39000000000136',
      '39000000000152',
    ];
    for (const itemId of ids)
      expect((await demo().central.hold!({ cardNumber: LEILA, pin: '8901', itemId, pickupLocation: 'VAS' })).ok).toBe(true);
    expect(demo().demo!.inProcess!.state.holdsOf(LEILA)).toHaveLength(10);
    const over = await demo().central.hold!({ cardNumber: LEILA, pin: '8901', itemId: '39000000000160', pickupLocation: 'VAS' });
    expect(over).toMatchObject({ ok: false, refusal: 'limit-reached' });
    const cancel = await demo().central.hold!({
      cardNumber: LEILA,
      pin: '8901',
      itemId: '39000000000011',
      pickupLocation: 'VAS',
      cancel: true,
    });
    expect(cancel.ok).toBe(true);
    expect(demo().demo!.inProcess!.state.holdsOf(LEILA)).toHaveLength(9);
  });
});

const root = resolve(import.meta.dirname, '../../..');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['main/cli/bin.mjs', 'sip2', 'hold', ...args], { cwd: root, encoding: 'utf8' });

describe('openbranch sip2 hold', () => {
  it('exits 0 when the server says ok and prints the result as JSON', () => {
    const r = cli('--card', ANNA, '--pin', PIN, '--item', '39000000000037', '--pickup', 'KOP', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, pickupLocation: 'KOP', queuePosition: 1 });
    expect(r.stdout).not.toContain(PIN);
  });

  it('exits 1 on a refusal with the reason in words, 2 when neither item nor title is given', () => {
    const refused = cli('--card', '23000000000025', '--pin', '2345', '--item', '39000000000037', '--pickup', 'KOP');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('refused: the patron may not reserve');
    const usage = cli('--card', ANNA, '--pickup', 'KOP');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('give --item BARCODE or --title-id ID');
  });
});
