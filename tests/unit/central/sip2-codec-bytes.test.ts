import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, encodeText, type SipMessage } from '../../../main/central/sip2/codec/index.ts';

/**
 * The codec writes a message's bytes, checksum and terminator into one
 * array cut from a shared slab, checks characters without regexes, and
 * compares checksums as numbers. These hold what that must not change.
 * Vectors: Studiosity/sip2-ruby spec/sip2/messages/login_spec.rb ("941AY1AZFDFC")
 * and lordelph/php-sip2's tests (a 64 response ending AY0AZCF82).
 */
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (bytes: Uint8Array) => String.fromCharCode(...bytes);

const published = [
  '941AY1AZFDFC',
  '64              00020180711    185645000000000010000000000009AOExample City Library|AA1381380|AEMr Joe Tester|BZ9999|CA9999|CB9999|BLY|CQY|BV0.00|BEjoe.tester@example.com|AY0AZCF82',
];

describe('SIP2 encoder bytes', () => {
  it.each(published)('re-encodes a published message to the same bytes, checksum included: %s', (wire) => {
    const m = decodeMessage(latin1(wire));
    const sequence = Number(wire.at(-7));
    expect(text(encodeMessage(m, { sequence }))).toBe(`${wire}\r`);
    expect(text(encodeMessage(m, { sequence, terminator: '\r\n' }))).toBe(`${wire}\r\n`);
  });

  it('keeps every message intact while many more are encoded after it (arrays are never shared)', () => {
    const messages: SipMessage[] = Array.from({ length: 600 }, (_, i) => ({
      code: '11',
      fixed: { scRenewalPolicy: 'N', noBlock: 'N', transactionDate: '20261130    120000', nbDueDate: ' '.repeat(18) },
      fields: [
        { id: 'AO', value: 'VAS' },
        { id: 'AA', value: `2300000000${String(i).padStart(4, '0')}` },
        { id: 'AB', value: `3900000000${String(i).padStart(4, '0')}` },
        { id: 'AC', value: '' },
      ],
    }));
    const encoded = messages.map((m, i) => encodeMessage(m, { sequence: i % 10 }));
    encoded.forEach((bytes, i) => {
      const back = decodeMessage(bytes);
      expect(back.checksumValid).toBe(true);
      expect(back.sequence).toBe(i % 10);
      expect(back.fields).toEqual(messages[i]!.fields);
    });
  });

  it('refuses a line break in a value, a bad field id and a bad command code with sip2.encode', () => {
    const item = (id: string, value: string, code = '17'): SipMessage => ({
      code,
      fixed: { transactionDate: ' '.repeat(18) },
      fields: [{ id, value }],
    });
    for (const bad of [
      item('AB', 'a\rb'),
      item('AB', 'a\nb'),
      item('A', 'x'),
      item('A|', 'x'),
      item('AB', 'x', '1A'),
      item('AB', 'x', '170'),
    ]) {
      expect(() => encodeMessage(bad, { sequence: 0 })).toThrow(expect.objectContaining({ code: 'sip2.encode' }));
    }
    expect(text(encodeMessage(item('ab', 'x'), {}))).toBe(`17${' '.repeat(18)}abx|\r`);
  });

  it('writes non-ASCII text as UTF-8 before the checksum, and as "?" in ASCII', () => {
    const m = item17('Pippi Långstrump');
    const utf8 = encodeMessage(m, { sequence: 3 });
    expect(decodeMessage(utf8)).toMatchObject({ checksumValid: true, fields: [{ id: 'AJ', value: 'Pippi Långstrump' }] });
    expect(utf8.length).toBe(encodeMessage(item17('Pippi Langstrump'), { sequence: 3 }).length + 1);
    const ascii = encodeMessage(m, { sequence: 3, encoding: 'ascii' });
    expect(decodeMessage(ascii, { encoding: 'ascii' })).toMatchObject({
      checksumValid: true,
      fields: [{ id: 'AJ', value: 'Pippi L?ngstrump' }],
    });
  });
});

const item17 = (title: string): SipMessage => ({ code: '18', fixed: fixed18, fields: [{ id: 'AJ', value: title }] });
const fixed18 = { circulationStatus: '03', securityMarker: '02', feeType: '01', transactionDate: '20261130    120000' };

describe('SIP2 decoder checksum and text', () => {
  it('accepts the checksum in lower-case hex, and reports it upper-case', () => {
    const m = decodeMessage(latin1('941AY1AZfdfc'));
    expect(m).toMatchObject({ checksumValid: true, checksum: 'FDFC', expectedChecksum: 'FDFC', sequence: 1 });
  });

  it('reports a wrong checksum with the one the bytes have', () => {
    expect(decodeMessage(latin1('941AY1AZFDFD'))).toMatchObject({ checksumValid: false, checksum: 'FDFD', expectedChecksum: 'FDFC' });
  });

  it('a stray byte at the end of the body is one U+FFFD; the trailer and its checksum are read as sent', () => {
    const body = new Uint8Array([...encodeText('1803020120261130    120000AJx', 'ascii'), 0xc3, ...encodeText('|AY1AZ', 'ascii')]);
    let sum = 0;
    for (const b of body) sum += b;
    const wire = new Uint8Array([...body, ...encodeText((-sum & 0xffff).toString(16).toUpperCase().padStart(4, '0'), 'ascii')]);
    const m = decodeMessage(wire);
    expect(m).toMatchObject({ checksumValid: true, sequence: 1, fields: [{ id: 'AJ', value: 'x\uFFFD' }] });
    expect(m.text).toBe(`1803020120261130    120000AJx\uFFFD|AY1AZ${m.checksum}`);
  });
});
