import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EscPosParser } from '../../../devices/printer/codec/escpos-parse.ts';
import { EscposDeviceFilePrinter } from '../../../devices/printer/escpos-device-file-printer.ts';
import { escposPrinterSchema } from '../../../shared/config/devices/printer.ts';

// A USB printer-class device (/dev/usb/lp0) is a file the bytes are written to; a temp file stands in for it.
const dir = mkdtempSync(join(tmpdir(), 'ob-lp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ESC/POS on a USB printer-class device file', () => {
  it('writes the receipt as ESC/POS bytes (PC858: å ä ö) and goes missing when the device disappears', async () => {
    const port = join(dir, 'lp0');
    writeFileSync(port, '');
    const printer = new EscposDeviceFilePrinter(
      'receipt',
      escposPrinterSchema.parse({ id: 'receipt', kind: 'printer', driver: 'escpos-usb', port }),
    );
    await printer.open();
    expect(printer.status().state).toBe('connected');
    await printer.print({
      lines: [
        { type: 'text', text: 'Räksmörgås', bold: true },
        { type: 'qr', data: '39000000000011' },
      ],
    });
    const bytes = new Uint8Array(readFileSync(port));
    // PC858: ä = 0x84, ö = 0x94, å = 0x86 (code page table of the Epson ESC/POS manual).
    expect([...bytes]).toEqual(expect.arrayContaining([0x84, 0x94, 0x86]));
    const items = new EscPosParser().push(bytes);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'text', text: 'Räksmörgås' }),
        expect.objectContaining({ type: 'qr', data: '39000000000011' }),
      ]),
    );
    expect(await printer.paper()).toBe('unknown');

    rmSync(port);
    await expect(printer.print({ lines: [{ type: 'text', text: 'x' }] })).rejects.toMatchObject({ code: 'device.missing' });
    expect(printer.status().state).toBe('missing');
    await expect(printer.open()).rejects.toMatchObject({ code: 'device.missing' });
    writeFileSync(port, '');
    await printer.open();
    expect(printer.status().state).toBe('connected');
    await printer.close();
  });
});
