/**
 * Device figures: codec cost per operation (pure CPU) and the wall time of
 * a lock command over a real pty (driver write -> simulator has the frame).
 */
import { BootKeyboardDecoder } from '../../devices/card/codec/boot-keyboard.ts';
import { SimulatedHidKeyboard } from '../../devices/card/simulated-hid-keyboard.ts';
import { LcusBoard } from '../../devices/door/lcus-board.ts';
import { LcusSimulator } from '../../devices/door/lcus-simulator.ts';
import { RelayLock } from '../../devices/door/relay-lock.ts';
import { encodeReceipt } from '../../devices/printer/codec/escpos-encode.ts';
import { EscPosParser } from '../../devices/printer/codec/escpos-parse.ts';
import type { Receipt } from '../../shared/devices/printer.ts';
import { silentLogger } from '../../shared/logger.ts';
import { ptyPair } from '../integration/devices/fixtures/pty.ts';
import { nowMs, summary } from './stats.ts';

function time(n: number, fn: () => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = nowMs();
    fn();
    out.push(nowMs() - t);
  }
  return out;
}

const receipt: Receipt = {
  lines: [
    { type: 'text', text: 'Stadsbiblioteket', bold: true, size: 2, align: 'center' },
    ...Array.from({ length: 10 }, (_, i) => ({ type: 'text' as const, text: `Lån ${i + 1}: Röda rummet, åter 2026-12-19` })),
    { type: 'barcode', data: '30001234' },
    { type: 'qr', data: 'https://bibliotek.example/konto' },
  ],
};

export default async function (): Promise<void> {
  const reports = SimulatedHidKeyboard.reportsFor('2000123456789');
  console.log(
    `hid card decode (13 digits, ${reports.length} reports): ${summary(
      time(2000, () => {
        const d = new BootKeyboardDecoder();
        for (const r of reports) d.push(r);
      }),
    )}`,
  );

  let bytes: Uint8Array = new Uint8Array();
  console.log(
    `escpos encode (12-line receipt): ${summary(
      time(300, () => {
        bytes = encodeReceipt(receipt, { columns: 48, codepage: 'cp858' });
      }),
    )} (${bytes.length} bytes)`,
  );
  console.log(`escpos parse (same receipt): ${summary(time(300, () => new EscPosParser().push(bytes)))}`);

  const pty = await ptyPair();
  const sim = new LcusSimulator(pty.device);
  await sim.start();
  const lock = new RelayLock('bench', new LcusBoard(pty.host, 9600), 1, silentLogger);
  await lock.open();
  const samples: number[] = [];
  for (let i = 0; i < 50; i++) {
    const before = sim.frames.length;
    const t = nowMs();
    await (i % 2 === 0 ? lock.hold() : lock.release());
    while (sim.frames.length === before) await new Promise((r) => setImmediate(r));
    samples.push(nowMs() - t);
  }
  console.log(`lcus relay command over pty (write -> simulator has frame): ${summary(samples)}`);
  await lock.close();
  await sim.stop();
  await pty.dispose();
}
