import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, MESSAGES, Sip2Framer } from '../../../main/central/sip2/codec/index.ts';
import { isOpenBranchError } from '../../../shared/errors.ts';

/** The decoder never throws anything but its own typed error, never hangs, on random and mutated input. */
const seeds = [
  '941AY1AZFDFC',
  '64              00020180711    185645000000000010000000000009AOExample City Library|AA1381380|AEMr Joe Tester|BLY|CQY|AY0AZCF82',
  '101YNN20261128    120000AOVAS|AB3000000001|AQVAS|AJTitel|CTKOP|CY1000000001|DAAnna|AY3AZ0000',
  '120NNY20261128    120000AOVAS|AA1000000001|AB3000000001|AJ|AH|AFGreetings from Koha. |AY1AZ1234',
];

function onlyTypedErrors(bytes: Uint8Array): void {
  try {
    decodeMessage(bytes);
    decodeMessage(bytes, { encoding: 'latin1', pipeEscape: '&#124;' });
  } catch (e) {
    if (!isOpenBranchError(e) || !e.code.startsWith('sip2.')) throw e;
  }
}

describe('SIP2 decoder fuzz', () => {
  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => onlyTypedErrors(b)),
      { numRuns: 3000 },
    );
  });

  it('mutated real messages (byte flips, truncation, insertion)', () => {
    const seedArb = fc.constantFrom(...seeds.map((s) => new TextEncoder().encode(s)));
    const mutated = fc
      .tuple(
        seedArb,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'cut', 'insert')), { maxLength: 8 }),
      )
      .map(([seed, edits]) => {
        let b = Array.from(seed);
        for (const [at, byte, op] of edits) {
          const i = b.length === 0 ? 0 : at % b.length;
          if (op === 'set') b[i] = byte;
          else if (op === 'cut') b = b.slice(0, i);
          else b.splice(i, 0, byte);
        }
        return Uint8Array.from(b);
      });
    fc.assert(
      fc.property(mutated, (b) => onlyTypedErrors(b)),
      { numRuns: 3000 },
    );
  });

  it('encode then decode returns the same fields for any Unicode values', () => {
    const codes = [...MESSAGES.values()].filter((m) => m.fixed.length > 0);
    const value = fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !/[|\r\n]/.test(s));
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.array(fc.tuple(fc.constantFrom('AA', 'AJ', 'AF', 'ZZ', 'CT'), value), { maxLength: 6 }),
        fc.nat(9),
        (spec, fields, seq) => {
          const fixed = Object.fromEntries(spec.fixed.map((f) => [f.name, 'Y'.repeat(f.width)]));
          const msg = { code: spec.code, fixed, fields: fields.map(([id, v]) => ({ id, value: v })) };
          const back = decodeMessage(encodeMessage(msg, { sequence: seq }));
          expect(back.checksumValid).toBe(true);
          expect(back.sequence).toBe(seq);
          expect(back.fields.filter((f) => f.value !== '')).toEqual(msg.fields.filter((f) => f.value !== ''));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('the framer never loses a message however the stream is cut', () => {
    const stream = new TextEncoder().encode(`${seeds.join('\r\n')}\r\n`);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 20 }), (cuts) => {
        const f = new Sip2Framer();
        const points = [0, ...cuts.sort((a, b) => a - b), stream.length];
        const out: string[] = [];
        for (let i = 1; i < points.length; i++)
          for (const fr of f.push(stream.subarray(points[i - 1], points[i]))) out.push(new TextDecoder().decode(fr));
        expect(out).toEqual(seeds);
      }),
      { numRuns: 500 },
    );
  });
});
