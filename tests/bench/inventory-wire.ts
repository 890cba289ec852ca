/**
 * The serial-line time of one inventory: the request and the answer as the
 * reader's simulator sends them (the same bytes as the reader), at the
 * reader's default baud and parity. Real readers add their RF time on top
 * (an ISO 15693 16-slot inventory takes roughly 10-20 ms on air).
 */
import { SimulatedPad } from '../../devices/rfid/simulator/simulated-pad.ts';
import { bitsPerByte } from '../../devices/serial/byte-link.ts';
import { createMemoryLinkPair } from '../../devices/serial/memory-link.ts';
import { RFID_READERS } from '../../main/devices/drivers.ts';

export interface InventoryWire {
  readonly reader: string;
  readonly tags: number;
  readonly requestBytes: number;
  readonly answerBytes: number;
  readonly line: string;
  readonly ms: number;
}

export async function inventoryWire(tags: number): Promise<InventoryWire[]> {
  const out: InventoryWire[] = [];
  for (const reader of RFID_READERS) {
    const options = reader.schema.parse({});
    const protocol = reader.protocol(options);
    const pad = new SimulatedPad();
    for (let i = 0; i < tags; i++) pad.place({ item: { itemId: `3900000000${String(i).padStart(4, '0')}` } });
    const [host, device] = createMemoryLinkPair();
    await host.open();
    await device.open();
    const sim = reader.simulate(device, pad, options);
    const exchange = protocol.inventory();
    const parser = protocol.createParser();
    let answerBytes = 0;
    const answered = new Promise<void>((resolve) =>
      host.onData((chunk) => {
        answerBytes += chunk.length;
        if (parser.push(chunk).some((e) => e.kind === 'frame' && exchange.answers(e.frame))) resolve();
      }),
    );
    await host.write(exchange.request);
    await answered;
    sim.stop();
    await host.close();
    await device.close();
    const bytes = exchange.request.length + answerBytes;
    const { baud, parity } = reader.line;
    out.push({
      reader: reader.name,
      tags,
      requestBytes: exchange.request.length,
      answerBytes,
      line: `${baud} ${parity === 'none' ? '8N1' : parity === 'even' ? '8E1' : '8O1'}`,
      ms: (bytes * bitsPerByte(parity) * 1000) / baud,
    });
  }
  return out;
}
