import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, holdRequest, parseHold, parsePatronInformation } from '../../../main/central/sip2/codec/index.ts';
import { diagnoseHoldRefusal, holdRefusalFromMessages } from '../../../main/central/sip2/hold-refusal.ts';
import { genericProfile, kohaProfile } from '../../../main/central/sip2/profiles.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

/**
 * SIP2 Hold (15) and Hold Response (16).
 * Sources (read, not copied as code):
 *  - folio-org/edge-sip2 HoldMessageParserTests: a 15 request with every field
 *    ("+<date>BW<date>|BScirc_desk|BY3|AApatron_id|AC|AD1234|AOuniversity_id|ABSome Book|AJSome Title|BON|").
 *  - Koha C4/SIP/Sip/MsgType.pm handle_hold: the 16 layout (ok, available, date; AA, BW, BR, BS, AB, AJ when ok;
 *    AO; AF only when Koha has a text) and C4/SIP/ILS/Transaction/Hold.pm do_hold: ok=0 with no text when
 *    CanItemBeReserved refuses. The 16 vectors below are written in that shape, checksums computed over their bytes.
 */
describe('SIP2 Hold request (15)', () => {
  it('decodes the edge-sip2 vector: hold mode and date fixed, every variable field by id', () => {
    const m = decodeMessage(
      utf8('15+20240115    103000BW20240214    103000|BScirc_desk|BY3|AApatron_id|AC|AD1234|AOuniversity_id|ABSome Book|AJSome Title|BON|'),
    );
    expect(m.name).toBe('Hold');
    expect(m.fixed).toEqual({ holdMode: '+', transactionDate: '20240115    103000' });
    expect(Object.fromEntries(m.fields.map((f) => [f.id, f.value]))).toEqual({
      BW: '20240214    103000',
      BS: 'circ_desk',
      BY: '3',
      AA: 'patron_id',
      AC: '',
      AD: '1234',
      AO: 'university_id',
      AB: 'Some Book',
      AJ: 'Some Title',
      BO: 'N',
    });
  });

  it('encodes mode, date and the fields in the order of the 3M spec, and decodes back to the same', () => {
    const ctx = { institution: 'VAS', terminalPassword: 'tp', now: new Date('2026-11-30T20:05:00Z'), timeZone: 'Europe/Stockholm' };
    const msg = holdRequest(ctx, {
      mode: 'add',
      patron: '23000000000017',
      pin: '1234',
      item: '39000000000037',
      title: 'Röda rummet',
      pickupLocation: 'KOP',
      holdType: '2',
      expiration: new Date('2027-05-29T20:05:00Z'),
      feeAcknowledged: false,
    });
    const wire = text(encodeMessage(msg, { sequence: 3 }));
    expect(wire.slice(0, -5)).toBe(
      '15+20261130    210500BW20270529    220500|BSKOP|BY2|AOVAS|AA23000000000017|AD1234|AB39000000000037|AJRöda rummet|ACtp|BON|AY3AZ',
    );
    const back = decodeMessage(utf8(wire));
    expect(back.checksumValid).toBe(true);
    expect(back.fields).toEqual(msg.fields);
    expect(text(encodeMessage(holdRequest(ctx, { mode: 'cancel', patron: 'P', item: 'I' })))).toBe(
      '15-20261130    210500AOVAS|AAP|ABI|ACtp|\r',
    );
    expect(text(encodeMessage(holdRequest(ctx, { mode: 'change', patron: 'P', title: 'T', pickupLocation: 'SALA' })))).toMatch(
      /^15\*20261130 {4}210500BSSALA\|AOVAS\|AAP\|AJT\|ACtp\|\r$/,
    );
  });
});

describe('SIP2 Hold Response (16)', () => {
  it('reads a Koha-shaped acceptance: available, queue position, pickup location, expiry', () => {
    const m = decodeMessage(
      utf8('161N20261130    210500AA23000000000017|BW20270529    210500|BR2|BSKOP|AB39000000000037|AJRöda rummet|AOVAS|AY3AZE33F\r\n'),
    );
    expect(m.checksumValid).toBe(true);
    expect(parseHold(m)).toMatchObject({
      ok: true,
      available: false,
      queuePosition: 2,
      pickupLocation: 'KOP',
      expirationDate: '2027-05-29T21:05:00',
      itemIdentifier: '39000000000037',
      titleIdentifier: 'Röda rummet',
      screenMessages: [],
    });
  });

  it("reads Koha's silent refusal: ok=0, the patron and the institution, no text", () => {
    const m = decodeMessage(utf8('160N20261130    210500AA23000000000017|AOVAS|AY4AZF4DA'));
    expect(m.checksumValid).toBe(true);
    const r = parseHold(m);
    expect(r).toMatchObject({ ok: false, patronIdentifier: '23000000000017', screenMessages: [] });
    expect(r.queuePosition).toBeUndefined();
  });
});

/** A 64 answer after a refused hold, as the demo ACS / Koha writes it. */
const patron64 = (status: string, holds: number, pending: string[], limit = '0010') =>
  parsePatronInformation(
    decodeMessage(
      utf8(
        `64${status}00020261130    210500${String(holds).padStart(4, '0')}0000000000000000${String(pending.length).padStart(4, '0')}AOVAS|AA1|AEA B|BLY|CQY|BZ${limit}|${pending.map((p) => `CD${p}|`).join('')}`,
      ),
    ),
  );

describe('why a hold was refused', () => {
  it("maps Koha's own texts (add_hold, do_hold) and the generic ones", () => {
    expect(holdRefusalFromMessages(kohaProfile, ['Invalid Patron.'])).toBe('invalid-patron');
    expect(holdRefusalFromMessages(kohaProfile, ['No such item.'])).toBe('unknown-item');
    expect(holdRefusalFromMessages(kohaProfile, ['No biblio record matches barcode "x".'])).toBe('unknown-item');
    expect(holdRefusalFromMessages(kohaProfile, ['Excessive fees blocking placement of hold.'])).toBe('patron-blocked');
    expect(holdRefusalFromMessages(kohaProfile, ['Item cannot be transferred.'])).toBe('not-reservable');
    expect(holdRefusalFromMessages(kohaProfile, [])).toBeUndefined();
    expect(holdRefusalFromMessages(genericProfile, ['Patron already has a hold on this title'])).toBe('already-reserved');
    expect(holdRefusalFromMessages(genericProfile, ['Hold limit reached'])).toBe('limit-reached');
  });

  it("finds out what it can when Koha says nothing: blocked, already reserved, limit; otherwise 'unknown'", () => {
    const blank = ' '.repeat(14);
    expect(diagnoseHoldRefusal('I1', { patron: patron64('   Y          ', 0, []) }, kohaProfile)).toBe('patron-blocked');
    expect(diagnoseHoldRefusal('I1', { patron: patron64(blank, 1, ['I1']) }, kohaProfile)).toBe('already-reserved');
    expect(diagnoseHoldRefusal('I1', { patron: patron64(blank, 4, ['A', 'B', 'C', 'D', 'E', 'F']) }, kohaProfile)).toBe('limit-reached');
    expect(diagnoseHoldRefusal('I1', { patron: patron64(blank, 1, ['A']) }, kohaProfile)).toBe('unknown');
    expect(diagnoseHoldRefusal('I1', {}, kohaProfile)).toBe('unknown');
    // A limit of 0 means "none set", not "no holds allowed".
    expect(diagnoseHoldRefusal('I1', { patron: patron64(blank, 3, [], '0000') }, kohaProfile)).toBe('unknown');
  });
});
