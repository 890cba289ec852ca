import { describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../../devices/printer/codec/escpos-encode.ts';
import { EscPosParser, printedText } from '../../../devices/printer/codec/escpos-parse.ts';
import { decodePaperStatus, encodePaperStatus, PAPER_STATUS_QUERY } from '../../../devices/printer/codec/escpos-status.ts';

const hex = (b: Uint8Array | number[]) => Buffer.from(Uint8Array.from(b)).toString('hex');
const indexOfSeq = (hay: Uint8Array, needle: number[]) => Buffer.from(hay).indexOf(Buffer.from(needle));

describe('encodeReceipt', () => {
  const receipt = {
    lines: [
      { type: 'text' as const, text: 'Lånekvitto', bold: true, size: 2 as const },
      { type: 'text' as const, text: 'Hämtas före 12 maj – Öppet' },
      { type: 'barcode' as const, data: '30001234' },
      { type: 'qr' as const, data: 'https://bibliotek.example/lån' },
    ],
  };

  it('starts with ESC @ and selects PC858 (ESC t 19, Epson numbering) before any text', () => {
    const bytes = encodeReceipt(receipt, { columns: 48, codepage: 'cp858' });
    expect(hex(bytes.subarray(0, 2))).toBe('1b40');
    const escT = indexOfSeq(bytes, [0x1b, 0x74, 19]);
    expect(escT).toBeGreaterThan(0);
    expect(escT).toBeLessThan(indexOfSeq(bytes, [0x4c])); // 'L' of Lånekvitto
  });

  // IBM code page 850/858: å 0x86, ä 0x84, ö 0x94, Å 0x8F, Ä 0x8E, Ö 0x99.
  it('prints å ä ö Å Ä Ö with the PC850/858 bytes', () => {
    const bytes = encodeReceipt({ lines: [{ type: 'text', text: 'åäöÅÄÖ' }], cut: false }, { columns: 48, codepage: 'cp850' });
    expect(indexOfSeq(bytes, [0x1b, 0x74, 2])).toBeGreaterThan(0);
    expect(indexOfSeq(bytes, [0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99])).toBeGreaterThan(0);
  });

  it('emits bold (ESC E 1), double size (GS ! 0x11), CODE128 (GS k 73) and a cut (GS V)', () => {
    const bytes = encodeReceipt(receipt, { columns: 48, codepage: 'cp858' });
    expect(indexOfSeq(bytes, [0x1b, 0x45, 0x01])).toBeGreaterThan(0);
    expect(indexOfSeq(bytes, [0x1d, 0x21, 0x11])).toBeGreaterThan(0);
    expect(indexOfSeq(bytes, [0x1d, 0x6b, 73])).toBeGreaterThan(0);
    expect(indexOfSeq(bytes, [0x1d, 0x56])).toBeGreaterThan(0);
  });

  it('parses back to the same text, style, barcode, QR and cut, even fed one byte at a time', () => {
    const bytes = encodeReceipt(receipt, { columns: 48, codepage: 'cp858' });
    const parser = new EscPosParser();
    const items = [...bytes].flatMap((b) => parser.push(Uint8Array.of(b)));
    const lines = printedText(items)
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    expect(lines).toContain('Lånekvitto');
    expect(lines.some((l) => l.startsWith('Hämtas före 12 maj') && l.endsWith('Öppet'))).toBe(true);
    const title = items.find((i) => i.type === 'text' && i.text.includes('Lånekvitto'));
    expect(title).toMatchObject({ bold: true, width: 2, height: 2 });
    expect(items).toContainEqual({ type: 'barcode', system: 73, data: '30001234' });
    expect(items).toContainEqual({ type: 'qr', data: 'https://bibliotek.example/lån' });
    expect(items.filter((i) => i.type !== 'text').at(-1)).toEqual({ type: 'cut' });
    expect(items.filter((i) => i.type === 'discarded')).toEqual([]);
  });

  it('decodes the euro sign only under PC858', () => {
    const parse = (table: number) => printedText(new EscPosParser().push(Uint8Array.of(0x1b, 0x74, table, 0xd5, 0x0a)));
    expect(parse(19)).toEqual(['€']);
    expect(parse(2)).toEqual(['ı']);
  });

  it('skips unknown commands and reports them as discarded', () => {
    const items = new EscPosParser().push(Uint8Array.of(0x1b, 0x99, 0x41, 0x0a));
    expect(items).toEqual([
      { type: 'discarded', bytes: 2 },
      { type: 'text', text: 'A', bold: false, width: 1, height: 1, align: 'left' },
    ]);
  });
});

describe('paper status (DLE EOT 4)', () => {
  // Epson ESC/POS reference, DLE EOT n=4: fixed bits 1 and 4 set; bits 2-3 near end; bits 5-6 paper end.
  it('decodes the roll paper sensor byte', () => {
    expect(hex(PAPER_STATUS_QUERY)).toBe('100404');
    expect(decodePaperStatus(0x12)).toBe('ok');
    expect(decodePaperStatus(0x1e)).toBe('near-end');
    expect(decodePaperStatus(0x72)).toBe('out');
    expect(decodePaperStatus(0x7e)).toBe('out');
    expect(decodePaperStatus(0xff)).toBe('unknown');
    for (const s of ['ok', 'near-end', 'out'] as const) expect(decodePaperStatus(encodePaperStatus(s))).toBe(s);
  });
});
