import { afterEach, describe, expect, it } from 'vitest';
import { printedText } from '../../../devices/printer/codec/escpos-parse.ts';
import { EscposPrinter } from '../../../devices/printer/escpos-printer.ts';
import { EscposSimulator } from '../../../devices/printer/escpos-simulator.ts';
import { escposPrinterSchema } from '../../../shared/config/devices/printer.ts';
import type { Receipt } from '../../../shared/devices/printer.ts';
import { patient } from '../../support/patience.ts';
import { type PtyPair, ptyPair, until } from './fixtures/pty.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The printer's status answer crosses a pty to a simulator: on a loaded machine it may take a while. */
async function rig(statusQuery = true, statusTimeoutMs = patient(300)) {
  const pty: PtyPair = await ptyPair();
  cleanups.push(() => pty.dispose());
  const sim = new EscposSimulator(pty.device);
  await sim.start();
  cleanups.push(() => sim.stop());
  const printer = new EscposPrinter('printer', escposPrinterSchema.parse({ port: pty.host, statusQuery, statusTimeoutMs }));
  cleanups.push(() => printer.close());
  await printer.open();
  return { pty, sim, printer };
}

const receipt: Receipt = {
  lines: [
    { type: 'text', text: 'Stadsbiblioteket', bold: true, size: 2, align: 'center' },
    { type: 'rule' },
    { type: 'text', text: 'Åsa Öberg lånade 2 böcker' },
    { type: 'text', text: 'Återlämnas senast 2026-12-19' },
    { type: 'barcode', data: '30001234' },
    { type: 'qr', data: 'https://bibliotek.example/konto' },
  ],
};

describe('ESC/POS printer over a pty with the real serialport bindings', () => {
  it('prints a Swedish receipt: the simulator gets the cp858 bytes and reads the same lines back', async () => {
    const { sim, printer } = await rig();
    await printer.print(receipt);
    await until(() => sim.items.some((i) => i.type === 'cut'), 3000, 'cut');
    const raw = Buffer.from(sim.raw);
    // DLE EOT 4 first (paper check), then ESC @ and ESC t 19 (PC858), then the text.
    expect(raw.subarray(0, 8).toString('hex')).toBe('1004041b401c2e1b');
    expect(raw.indexOf(Buffer.from([0x1b, 0x74, 19]))).toBeGreaterThan(0);
    // "Åsa Öberg lånade 2 böcker" in PC858: Å 8F, Ö 99, å 86, ö 94.
    const line = Buffer.from([
      0x8f,
      ...Buffer.from('sa '),
      0x99,
      ...Buffer.from('berg l'),
      0x86,
      ...Buffer.from('nade 2 b'),
      0x94,
      ...Buffer.from('cker'),
    ]);
    expect(raw.indexOf(line)).toBeGreaterThan(0);
    const text = printedText(sim.items).map((l) => l.trim());
    expect(text).toContain('Stadsbiblioteket');
    expect(text).toContain('Åsa Öberg lånade 2 böcker');
    expect(text).toContain('Återlämnas senast 2026-12-19');
    expect(sim.items).toContainEqual({ type: 'barcode', system: 73, data: '30001234' });
    expect(sim.items).toContainEqual({ type: 'qr', data: 'https://bibliotek.example/konto' });
  });

  it('reads the paper status with DLE EOT 4 and refuses to print without paper', async () => {
    const { sim, printer } = await rig();
    expect(await printer.paper()).toBe('ok');
    sim.paper = 'near-end';
    expect(await printer.paper()).toBe('near-end');
    sim.paper = 'out';
    await expect(printer.print(receipt)).rejects.toMatchObject({ code: 'device.paper-out' });
    expect(sim.items.some((i) => i.type === 'cut')).toBe(false);
  });

  it('says unknown when the printer does not answer status queries', async () => {
    const { sim, printer } = await rig(true, 300); // nobody answers: a short timeout is safe however slow the machine
    await sim.stop(); // nobody answers on the far end
    expect(await printer.paper()).toBe('unknown');
  });

  it('goes missing when the port disappears and refuses to print', async () => {
    const { pty, printer } = await rig(false);
    await pty.unplug();
    await until(() => printer.status().state === 'missing', 2000, 'missing');
    await expect(printer.print(receipt)).rejects.toMatchObject({ code: 'device.missing' });
  });
});
