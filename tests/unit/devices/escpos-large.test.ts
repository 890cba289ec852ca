import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../../devices/printer/codec/escpos-encode.ts';
import { EscPosParser, type PrintItem, printedText } from '../../../devices/printer/codec/escpos-parse.ts';

/** Adjacent discarded items as one, so parses of differently split input compare equal. */
const merged = (items: PrintItem[]) =>
  items.reduce<PrintItem[]>((acc, i) => {
    const last = acc.at(-1);
    if (i.type === 'discarded' && last?.type === 'discarded') acc[acc.length - 1] = { type: 'discarded', bytes: last.bytes + i.bytes };
    else acc.push(i);
    return acc;
  }, []);

const ascii = (s: string) => new TextEncoder().encode(s);

/**
 * Finding 7: the ESC/POS parser threw RangeError on a 200 KB chunk (an
 * argument spread) and spliced its buffer per command.
 */
describe('ESC/POS parser on large and hostile input', () => {
  it('parses a 200 KB chunk of receipt lines in one push', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `Rad ${i}: Räksmörgås`);
    const job = encodeReceipt({ lines: lines.map((text) => ({ type: 'text' as const, text })) }, { columns: 48, codepage: 'cp858' });
    expect(job.length).toBeGreaterThan(200 * 1024);
    const text = printedText(new EscPosParser().push(job)).map((l) => l.trim());
    expect(text.filter((l) => l.startsWith('Rad '))).toHaveLength(10_000);
    expect(text).toContain('Rad 9999: Räksmörgås');
  });

  it('reports 200 KB of control-byte noise as one discarded run, not 200,000 items', () => {
    const noise = new Uint8Array(200 * 1024).fill(0x07);
    expect(new EscPosParser().push(noise)).toEqual([{ type: 'discarded', bytes: noise.length }]);
  });

  it('a 60 KB QR store arriving a byte at a time, then the print command', () => {
    const data = 'x'.repeat(60_000);
    const body = Uint8Array.from([49, 80, 48, ...ascii(data)]);
    const store = Uint8Array.from([0x1d, 0x28, 0x6b, body.length & 0xff, body.length >> 8, ...body]);
    const print = Uint8Array.of(0x1d, 0x28, 0x6b, 3, 0, 49, 81, 48);
    const parser = new EscPosParser();
    const items: PrintItem[] = [];
    for (const b of store) items.push(...parser.push(Uint8Array.of(b)));
    items.push(...parser.push(print));
    expect(items).toEqual([{ type: 'qr', data }]);
  });

  it('a barcode whose NUL never comes is skipped after 255 bytes, and the text after it still prints', () => {
    const bytes = Uint8Array.from([0x1d, 0x6b, 4, ...new Uint8Array(300).fill(0x41), 0x0a]);
    const items = new EscPosParser().push(bytes);
    expect(items[0]).toEqual({ type: 'discarded', bytes: 3 });
    expect(printedText(items)).toEqual(['A'.repeat(300)]);
  });

  it('gives the same items however the bytes are split', () => {
    const receipt = encodeReceipt(
      {
        lines: [
          { type: 'text', text: 'Lånekvitto', bold: true, size: 2 },
          { type: 'barcode', data: '30001234' },
          { type: 'qr', data: 'https://bibliotek.example/lån' },
        ],
      },
      { columns: 48, codepage: 'cp858' },
    );
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 5 }),
        (noise, sizes) => {
          const bytes = Uint8Array.from([...noise, ...receipt]);
          const whole = new EscPosParser().push(bytes);
          const parser = new EscPosParser();
          const split: PrintItem[] = [];
          for (let at = 0, k = 0; at < bytes.length; k++) {
            const size = sizes[k % sizes.length]!;
            split.push(...parser.push(bytes.subarray(at, at + size)));
            at += size;
          }
          expect(merged(split)).toEqual(merged(whole));
        },
      ),
      { numRuns: 200 },
    );
  });
});
