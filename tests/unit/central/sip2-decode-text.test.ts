import { describe, expect, it } from 'vitest';
import { decodeMessage } from '../../../main/central/sip2/codec/decode.ts';
import { encodeMessage } from '../../../main/central/sip2/codec/encode.ts';
import { encodeText } from '../../../main/central/sip2/codec/text.ts';

// A decoded message keeps its whole text as received (terminator off), trailer included: what the
// technician's SIP2 tools and the trace log show. The body is decoded once and the ASCII trailer added.
describe('SIP2 decoded text', () => {
  const body = '1803020120261130    120000AB39000000000052|AJPippi Långstrump|';

  it.each(['utf-8', 'latin1'] as const)('%s: the text is the whole message, AY/AZ included, and the checksum checks', (encoding) => {
    const bytes = encodeMessage(decodeMessage(encodeText(body, encoding), { encoding }), { encoding, sequence: 7, terminator: '\r\n' });
    const m = decodeMessage(bytes, { encoding });
    expect(m.text).toMatch(/^1803020120261130 {4}120000AB39000000000052\|AJPippi Långstrump\|AY7AZ[0-9A-F]{4}$/);
    expect(m).toMatchObject({ sequence: 7, checksumValid: true, code: '18', name: 'Item Information Response' });
    expect(m.fields).toEqual([
      { id: 'AB', value: '39000000000052' },
      { id: 'AJ', value: 'Pippi Långstrump' },
    ]);
  });

  it('without a trailer the text is the message as sent', () => {
    const m = decodeMessage(encodeText(`${body}\r`, 'utf-8'));
    expect(m.text).toBe(body);
    expect(m.checksum).toBeUndefined();
  });
});
