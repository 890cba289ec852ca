import { afterEach, describe, expect, it } from 'vitest';
import { padReader } from '../../../devices/rfid/drivers.ts';
import { TagPresence } from '../../../devices/rfid/reader/tag-presence.ts';
import { feigReader } from '../../../devices/rfid/readers/feig/index.ts';
import { FeigSimulator } from '../../../devices/rfid/readers/feig/simulator.ts';
import { SimulatedPad } from '../../../devices/rfid/simulator/simulated-pad.ts';
import type { ByteLink } from '../../../devices/serial/byte-link.ts';
import { createMemoryLinkPair } from '../../../devices/serial/memory-link.ts';
import { rfidPadSchema } from '../../../shared/config/devices/rfid.ts';
import type { RfidReader } from '../../../shared/devices/rfid.ts';
import { isOpenBranchError } from '../../../shared/errors.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { patient } from '../../support/patience.ts';
import { simulatedSetup, until } from './helpers.ts';

// The in-memory cable answers at once, but a loaded machine may stall the event loop past a short timeout.
const options = () => ({ id: 'r', ...rfidPadSchema.parse({ pollIntervalMs: 20, timeoutMs: patient(60) }) });

describe('tag presence debouncing', () => {
  it('adds at once and removes only after enough misses in a row', () => {
    const p = new TagPresence(2);
    expect(p.update([{ uid: 'A' }])).toEqual([{ type: 'tag-added', tag: { uid: 'A' } }]);
    expect(p.update([])).toEqual([]);
    expect(p.update([{ uid: 'A' }])).toEqual([]); // flicker: seen again, counter reset
    expect(p.update([])).toEqual([]);
    expect(p.update([])).toEqual([{ type: 'tag-removed', uid: 'A' }]);
  });
});

describe('the reader driver over an in-memory cable', () => {
  let reader: RfidReader | undefined;
  afterEach(async () => {
    await reader?.close();
    reader = undefined;
  });

  it('speaks FEIG advanced framing when configured', async () => {
    const { reader: r, pad, events } = simulatedSetup({ framing: 'advanced' });
    reader = r;
    await r.open();
    r.pad.place({ item: { itemId: 'ADV-1' } });
    await until(() => events.length === 1);
    expect(pad.items()[0]?.itemId).toBe('ADV-1');
  });

  it('pages a full pad: 30 tags do not fit one standard FEIG frame (status 0x94, MORE)', async () => {
    const { reader: r, pad, events } = simulatedSetup();
    reader = r;
    const uids = Array.from({ length: 30 }, (_, i) => r.pad.place({ item: { itemId: `BOOK-${i}` } }));
    await r.open();
    expect((await r.inventory()).map((t) => t.uid).sort()).toEqual([...uids].sort());
    await until(() => events.length === 30);
    expect(new Set(pad.items().map((t) => t.itemId)).size).toBe(30);
  });

  it('drives a 3M pad; EAS is refused as unsupported, AFI works', async () => {
    const { reader: r, pad, events } = simulatedSetup({ simulate: '3m', security: 'eas' });
    reader = r;
    await r.open();
    const uid = r.pad.place({ item: { itemId: '3M-1', partsInSet: 2, partNumber: 1 } });
    await until(() => events.length === 1);
    expect(pad.items()[0]).toMatchObject({ itemId: '3M-1', partsInSet: 2 });
    expect(await pad.setSecurity(uid, 'released')).toMatchObject({ confirmed: false, reason: 'device.unsupported' });
    await r.writeAfi(uid, 0x42);
    expect(await r.readAfi(uid)).toBe(0x42);
  });

  it('times out with a typed error, then declares the reader missing when it stays silent', async () => {
    const [driverEnd, simEnd] = createMemoryLinkPair();
    await simEnd.open();
    const pad = new SimulatedPad();
    const sim = new FeigSimulator(simEnd, pad);
    reader = padReader(feigReader, options(), () => driverEnd.open(), silentLogger);
    await reader.open();
    expect(await reader.inventory()).toEqual([]);
    sim.stop(); // the reader hangs: frames go in, nothing comes out
    const error = await reader.inventory().catch((e: unknown) => e);
    expect(isOpenBranchError(error, 'device.timeout')).toBe(true);
    await until(() => reader!.status().state === 'missing');
    expect(reader.status().reason).toBe('reader stopped answering');
  });

  it('skips line noise between frames', async () => {
    const [driverEnd, simEnd] = createMemoryLinkPair(3);
    await simEnd.open();
    const pad = new SimulatedPad();
    const uid = pad.place({ item: { itemId: 'N-1' } });
    // Noise before every answer, as a flaky RS-232 line delivers it.
    const noisy: ByteLink = {
      close: () => simEnd.close(),
      write: (b) => simEnd.write(Uint8Array.from([0x00, 0x03, ...b])),
      onData: (l) => simEnd.onData(l),
      onLost: (l) => simEnd.onLost(l),
      get isOpen() {
        return simEnd.isOpen;
      },
    };
    new FeigSimulator(noisy, pad);
    reader = padReader(feigReader, options(), () => driverEnd.open(), silentLogger);
    await reader.open();
    expect((await reader.inventory()).map((t) => t.uid)).toEqual([uid]);
    expect((await reader.readBlocks(uid, 0, 8)).length).toBe(32);
  });
});
