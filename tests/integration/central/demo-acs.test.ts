import { describe, expect, it } from 'vitest';
import { startDemoCentralPerFile } from './demo-central.ts';

/** The SIP2 client and the demo ACS over real loopback TCP, Koha profile (CRLF, AY/AZ on). */
const demo = startDemoCentralPerFile();

const ANNA = '23000000000017';

describe('demo ACS through the SIP2 central system', () => {
  it('reads a patron with loans, an overdue item and a reservation ready here, and refuses a wrong or empty PIN', async () => {
    const anna = await demo().central.patronInformation(ANNA, '1234');
    expect(anna).toMatchObject({
      name: 'Anna Lindqvist',
      valid: true,
      pinValid: true,
      mayBorrow: true,
      birthDate: '1985-04-12',
      extra: { meroppet: 'Y' },
    });
    expect(anna.loans.map((l) => [l.title, l.overdue])).toEqual([
      ['Populärmusik från Vittula', false],
      ['Jerusalem', true],
    ]);
    expect(anna.holdsReady.map((h) => h.title)).toEqual(['Gösta Berlings saga']);
    expect(anna.screenMessages).toEqual([]);
    expect((await demo().central.patronInformation(ANNA, '9999')).pinValid).toBe(false);
    // The demo ACS, like Koha, says CQ=Y to an empty PIN; the kiosk must not believe it.
    expect((await demo().central.patronInformation(ANNA, '')).pinValid).toBe(false);
  });

  it('lends, and refuses with plain reasons', async () => {
    expect(await demo().central.checkout({ cardNumber: ANNA, itemId: '39000000000029' })).toMatchObject({
      ok: true,
      title: 'Mio, min Mio',
      desensitize: true,
    });
    expect(demo().demo?.inProcess?.state.loans.get('39000000000029')?.cardNumber).toBe(ANNA);
    expect((await demo().central.checkout({ cardNumber: ANNA, itemId: '39000000000086' })).refusal).toBe('on-hold-for-other');
    expect((await demo().central.checkout({ cardNumber: ANNA, itemId: '39000000000078' })).refusal).toBe('not-for-loan');
    expect((await demo().central.checkout({ cardNumber: ANNA, itemId: '39000000000094' })).refusal).toBe('already-yours');
    expect((await demo().central.checkout({ cardNumber: '23000000000025', itemId: '39000000000128' })).refusal).toBe('patron-blocked');
    expect((await demo().central.checkout({ cardNumber: ANNA, itemId: '00000000000000' })).refusal).toBe('unknown-item');
  });

  it('routes returns: transport crate, hold shelf here, shelf', async () => {
    expect((await demo().central.checkin({ itemId: '39000000000037', location: 'VAS' })).route).toEqual({
      kind: 'transit',
      destination: 'KOP',
    });
    expect((await demo().central.checkin({ itemId: '39000000000045', location: 'VAS' })).route).toEqual({
      kind: 'hold-shelf',
      holdPatron: '23000000000082',
      holdPatronName: 'Leila Haddad',
      pickupLocation: 'VAS',
    });
    expect((await demo().central.checkin({ itemId: '39000000000060', location: 'VAS' })).route).toMatchObject({
      kind: 'transit',
      destination: 'FAG',
    });
    expect((await demo().central.checkin({ itemId: '39000000000094', location: 'VAS' })).route).toMatchObject({
      kind: 'shelf',
      location: 'VAS',
    });
  });

  it('recovers from a corrupt checksum with a resend, and from a dropped connection with a reconnect', async () => {
    demo().demo!.misbehave({ kind: 'corrupt', count: 1 });
    expect((await demo().central.itemInformation('39000000000011')).title).toBe('Pippi Långstrump');
    demo().demo!.misbehave({ kind: 'drop' });
    await expect(demo().central.itemInformation('39000000000011')).rejects.toMatchObject({ code: 'sip2.disconnected' });
    demo().demo!.misbehave({ kind: 'normal' });
    expect((await demo().central.itemInformation('39000000000011')).known).toBe(true);
  });
});
