import { afterEach, describe, expect, it } from 'vitest';
import { ANNA, discoverKiosk, PIN } from './discover-fixture.ts';

/**
 * "Tips för mig" in the kiosk's session: the real discover machine, the real
 * catalogue (the demo catalogue through the OAI reader and extractor), and a
 * scripted central system that records every hold it is asked for.
 */
let k: Awaited<ReturnType<typeof discoverKiosk>>;
afterEach(async () => {
  k?.screens.stop();
  await k?.catalog.stop();
});

async function choose(kiosk: Awaited<ReturnType<typeof discoverKiosk>>) {
  kiosk.send({ type: 'discover.start' });
  await kiosk.step('choose');
  kiosk.send({ type: 'discover.toggle', facet: 'genre', value: 'deckare' });
  kiosk.send({ type: 'discover.toggle', facet: 'format', value: 'audiobook' });
  kiosk.send({ type: 'discover.toggle', facet: 'language', value: 'swe' });
  kiosk.send({ type: 'discover.search' });
  return kiosk.step('results');
}

describe('Tips för mig', () => {
  it('from the start screen without logging in: matches, then card and PIN, then pick-up in Köping, then SIP2 Hold', async () => {
    k = await discoverKiosk();
    const results = await choose(k);
    expect(results.matches.length).toBeGreaterThan(0);
    for (const m of results.matches) expect([m.format, m.language, m.genres.includes('Deckare')]).toEqual(['audiobook', 'swe', true]);
    const target = results.matches.find((m) => m.group === 'reserve')!;
    k.send({ type: 'discover.reserve', recordId: target.id });
    await k.step('identify');
    k.card.present(ANNA);
    await k.step('pin');
    k.send({ type: 'pin.entered', pin: '9999' });
    expect((await k.step('pin')).error).toBe('wrong-pin');
    k.send({ type: 'pin.entered', pin: PIN });
    const pickup = await k.step('pickup');
    expect(pickup.pickup?.selected).toBe('VAS');
    // A branch outside the region (the screen never offers it; the page is patron input) changes nothing.
    k.send({ type: 'discover.pickup', branch: 'NOWHERE' });
    expect((await k.step('pickup')).pickup?.selected).toBe('VAS');
    k.send({ type: 'discover.pickup', branch: 'KOP' });
    k.send({ type: 'discover.confirm' });
    const done = await k.step('reserved');
    expect(done.result).toEqual({ pickupName: 'Köpings bibliotek', queuePosition: 2 });
    const record = k.catalog.record(target.id)!;
    expect(k.central.holds).toEqual([
      { cardNumber: ANNA, pin: PIN, itemId: expect.any(String), titleId: record.title, pickupLocation: 'KOP' },
    ]);
    // The copy named is one of the title's copies that can be lent, and not one standing on this shelf.
    const named = record.copies.find((c) => c.barcode === k.central.holds[0]!.itemId)!;
    expect(['available', 'on-loan']).toContain(named.status);
    expect(named.status === 'available' && named.holding === 'VAS').toBe(false);
  });

  it('offline: the reservation is refused there and then, and nothing is sent or queued', async () => {
    k = await discoverKiosk();
    const results = await choose(k);
    k.send({ type: 'discover.reserve', recordId: results.matches.find((m) => m.group === 'reserve')!.id });
    k.card.present(ANNA);
    await k.step('pin');
    k.send({ type: 'pin.entered', pin: PIN });
    await k.step('pickup');
    k.central.setHealth('offline');
    k.send({ type: 'discover.confirm' });
    expect((await k.step('refused')).result?.refusal).toBe('offline');
    expect(k.central.holds).toEqual([]);
    // The link going down mid-request is said the same way; a refusal by the library system is said as such.
    k.central.setHealth('online');
    k.central.holdAnswer = 'link-down';
    k.send({ type: 'discover.back' });
    k.send({ type: 'discover.reserve', recordId: k.data().matches.find((m) => m.group === 'reserve')!.id });
    await k.step('pickup');
    k.send({ type: 'discover.confirm' });
    expect((await k.step('refused')).result?.refusal).toBe('offline');
    k.central.holdAnswer = 'already-reserved';
    k.send({ type: 'discover.back' });
    k.send({ type: 'discover.reserve', recordId: k.data().matches.find((m) => m.group === 'reserve')!.id });
    await k.step('pickup');
    k.send({ type: 'discover.confirm' });
    expect((await k.step('refused')).result?.refusal).toBe('already-reserved');
  });

  it('stops asking after three wrong PINs: the fourth is never sent to the central system', async () => {
    k = await discoverKiosk();
    const results = await choose(k);
    k.send({ type: 'discover.reserve', recordId: results.matches.find((m) => m.group === 'reserve')!.id });
    k.card.present(ANNA);
    for (const pin of ['1111', '2222', '3333']) {
      await k.step('pin');
      k.send({ type: 'pin.entered', pin });
      expect((await k.step('pin')).error).toBe('wrong-pin');
    }
    k.send({ type: 'pin.entered', pin: PIN });
    expect((await k.step('results')).error).toBe('locked-out');
    expect(k.central.pinsChecked).toEqual(['1111', '2222', '3333']);
    expect(k.central.holds).toEqual([]);
  });

  it('takes only its own choices from the screen: unknown values, e-media and unknown titles cannot be reserved', async () => {
    k = await discoverKiosk();
    k.send({ type: 'discover.start' });
    await k.step('choose');
    k.send({ type: 'discover.toggle', facet: 'genre', value: 'not-a-genre' });
    k.send({ type: 'discover.toggle', facet: 'format', value: 'ebook' });
    k.send({ type: 'discover.like', itemId: 'somebody-elses-loan' });
    expect(k.data().prefs).toEqual({ genre: [], format: ['ebook'], language: [], age: [] });
    k.send({ type: 'discover.search' });
    const results = await k.step('results');
    const emedia = results.matches.find((m) => m.group === 'emedia')!;
    expect(emedia.emediaUrl).toMatch(/^https:\/\/emedia\.example\/isbn\/97891\d{8}$/);
    k.send({ type: 'discover.reserve', recordId: emedia.id });
    k.send({ type: 'discover.reserve', recordId: '999999' });
    expect(k.data().step).toBe('results');
  });

  it('forgets every choice when the session ends; a logged-in patron can ask for "more like" a loan', async () => {
    k = await discoverKiosk();
    k.send({ type: 'discover.start' });
    await k.step('choose');
    k.send({ type: 'discover.toggle', facet: 'language', value: 'eng' });
    k.screens.reset();
    await k.step('choose', 'attract');
    k.send({ type: 'discover.start' });
    expect((await k.step('choose')).prefs).toEqual({ genre: [], format: [], language: [], age: [] });
    k.send({ type: 'ui.cancel' });
    await k.step('choose', 'attract');

    // Logged in: the menu offers it, and the patron's own loans are the "like this one" choices.
    k.card.present(ANNA);
    await k.step('choose', 'pin');
    k.send({ type: 'pin.entered', pin: PIN });
    await k.step('choose', 'menu');
    k.send({ type: 'discover.start' });
    const choose = await k.step('choose');
    expect(choose.loggedIn).toBe(true);
    expect(choose.likeOptions).toEqual([{ itemId: '39000000000094', title: 'Populärmusik från Vittula' }]);
    k.send({ type: 'discover.like', itemId: '39000000000094' });
    k.send({ type: 'discover.search' });
    const results = await k.step('results');
    expect(results.matches.length).toBeGreaterThan(0);
    expect(results.matches.some((m) => m.id === '9')).toBe(false);
    expect(results.matches[0]!.reasons.map((r) => r.key)).toContain('discover.reason.like');
  });
});
