/**
 * A pad with 10 tags: one inventory plus reading every tag's 8 data blocks
 * and decoding them (what the kiosk does when a pile of books lands on the
 * pad), through the real driver on a socat pty to the simulator.
 *
 * The bound: the time the bytes need on a real serial line (11 bits a byte
 * at 8E1, 10 at 8N1) plus the reader's own answer time. A pty moves bytes
 * at memory speed, so measured/bound says how much of the bound our own
 * code uses; a second run adds a simulated reader answer time per exchange.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeTagData } from '../../devices/rfid/codec/detect.ts';
import { padReader } from '../../devices/rfid/drivers.ts';
import { threeMReader } from '../../devices/rfid/readers/3m/index.ts';
import { ThreeMSimulator } from '../../devices/rfid/readers/3m/simulator.ts';
import { feigReader } from '../../devices/rfid/readers/feig/index.ts';
import { FeigSimulator } from '../../devices/rfid/readers/feig/simulator.ts';
import { SimulatedPad } from '../../devices/rfid/simulator/simulated-pad.ts';
import { type ByteLink, bitsPerByte, type Parity } from '../../devices/serial/byte-link.ts';
import { SerialLink } from '../../devices/serial/link.ts';
import { rfidPadSchema } from '../../shared/config/devices/rfid.ts';
import { silentLogger } from '../../shared/logger.ts';
import { startPtyPair } from '../integration/rfid/socat.ts';
import { nowMs, summary } from './stats.ts';

const ROUNDS = 30;

function counting(link: ByteLink, counter: { bytes: number }): ByteLink {
  link.onData((c) => {
    counter.bytes += c.length;
  });
  return {
    close: () => link.close(),
    write: (b) => {
      counter.bytes += b.length;
      return link.write(b);
    },
    onData: (l) => link.onData(l),
    onLost: (l) => link.onLost(l),
    get isOpen() {
      return link.isOpen;
    },
  };
}

async function run(kind: 'feig' | '3m', baudRate: number, parity: Parity, answerDelayMs: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ob-rfid-bench-'));
  const pty = await startPtyPair(dir);
  const pad = new SimulatedPad();
  for (let i = 0; i < 10; i++) pad.place({ item: { itemId: `3001200000${i}`, isil: 'SE-Ab12', country: 'SE' } });
  const simLink = await SerialLink.open({ path: pty.b, baudRate, parity });
  if (kind === 'feig') new FeigSimulator(simLink, pad, { answerDelayMs });
  else new ThreeMSimulator(simLink, pad, { answerDelayMs });
  const options = { id: 'bench', ...rfidPadSchema.parse({ pollIntervalMs: 10_000 }) };
  const counter = { bytes: 0 };
  const reader = padReader(
    kind === 'feig' ? feigReader : threeMReader,
    options,
    async () => counting(await SerialLink.open({ path: pty.a, baudRate, parity }), counter),
    silentLogger,
  );
  await reader.open();
  await new Promise((r) => setTimeout(r, 50)); // let the first background poll finish
  const samples: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    counter.bytes = 0;
    const started = nowMs();
    const tags = await reader.inventory();
    for (const t of tags) decodeTagData(await reader.readBlocks(t.uid, 0, 8));
    const elapsed = nowMs() - started;
    const exchanges = 1 + tags.length;
    const boundMs = (counter.bytes * bitsPerByte(parity) * 1000) / baudRate + exchanges * answerDelayMs;
    samples.push(elapsed);
    ratios.push(elapsed / boundMs);
    if (round === 0) {
      console.log(
        `${kind} ${baudRate} ${parity}, reader answer ${answerDelayMs} ms: ${tags.length} tags, ${exchanges} exchanges, ${counter.bytes} bytes on the wire, bound ${boundMs.toFixed(1)} ms`,
      );
    }
  }
  console.log(`  elapsed ${summary(samples)}`);
  console.log(`  measured / bound ${summary(ratios, '')}`);
  await reader.close();
  await simLink.close();
  await pty.stop();
  rmSync(dir, { recursive: true, force: true });
}

export default async function (): Promise<void> {
  await run('feig', 38400, 'even', 0);
  await run('feig', 38400, 'even', 5);
  await run('3m', 19200, 'none', 0);
}
