import { afterEach, describe, expect, it } from 'vitest';
import { padReader } from '../../../devices/rfid/drivers.ts';
import { feigReader } from '../../../devices/rfid/readers/feig/index.ts';
import { FeigSimulator } from '../../../devices/rfid/readers/feig/simulator.ts';
import { SimulatedPad } from '../../../devices/rfid/simulator/simulated-pad.ts';
import { createMemoryLinkPair, type MemoryLink } from '../../../devices/serial/memory-link.ts';
import { rfidPadSchema } from '../../../shared/config/devices/rfid.ts';
import type { RfidReader } from '../../../shared/devices/rfid.ts';
import { silentLogger } from '../../../shared/logger.ts';

/** A FEIG pad whose every open() plugs in a fresh cable to the same simulated reader; the cables are kept. */
function freshCables() {
  const pad = new SimulatedPad();
  const cables: MemoryLink[] = [];
  const reader = padReader(
    feigReader,
    { id: 'pad', ...rfidPadSchema.parse({ pollIntervalMs: 10_000, timeoutMs: 500 }) },
    async () => {
      const [driverEnd, readerEnd] = createMemoryLinkPair();
      await readerEnd.open();
      new FeigSimulator(readerEnd, pad);
      cables.push(driverEnd);
      return driverEnd.open();
    },
    silentLogger,
  );
  return { pad, cables, reader };
}

describe('the serial device lifecycle (SerialDevice, here under the RFID pad driver)', () => {
  let reader: RfidReader | undefined;
  afterEach(async () => {
    await reader?.close();
  });

  it('open() really reopens: the old link is closed and the device speaks over the new one', async () => {
    const rig = freshCables();
    reader = rig.reader;
    const uid = rig.pad.place({ item: { itemId: 'REOPEN-1' } });
    await reader.open();
    await reader.open();
    expect(rig.cables.map((c) => c.isOpen)).toEqual([false, true]);
    expect((await reader.inventory()).map((t) => t.uid)).toEqual([uid]);
    expect(reader.status().state).toBe('connected');
  });

  it('a lost link is `missing` at once and stays so; commands fail with device.missing until open() is called again', async () => {
    const rig = freshCables();
    reader = rig.reader;
    const states: string[] = [];
    reader.onStatus((s) => states.push(s.state));
    await reader.open();
    rig.cables[0]!.unplug('cable pulled');
    expect(reader.status()).toMatchObject({ state: 'missing', reason: 'cable pulled' });
    await expect(reader.inventory()).rejects.toMatchObject({ code: 'device.missing' });
    expect(rig.cables).toHaveLength(1); // nothing reopened behind the manager's back
    await reader.open();
    expect(states).toEqual(['connecting', 'connected', 'missing', 'connected']);
    await reader.close();
    expect(reader.status().state).toBe('closed');
    expect(rig.cables[1]!.isOpen).toBe(false);
  });
});
