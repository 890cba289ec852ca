import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { driverContext } from '../../../devices/driver.ts';
import { createItemPad, type PadReader, SimulatedPad } from '../../../devices/rfid/index.ts';
import { SerialLink } from '../../../devices/serial/link.ts';
import { deviceRegistry, RFID_READERS } from '../../../main/devices/drivers.ts';
import { DeviceManager } from '../../../main/devices/manager.ts';
import { realTransports } from '../../../main/devices/transports.ts';
import type { DeviceConfig } from '../../../shared/config/devices/index.ts';
import type { PadEvent, RfidReader } from '../../../shared/devices/rfid.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { patient, until } from '../../support/patience.ts';
import { type PtyPair, startPtyPair } from './socat.ts';

/** Every registered reader protocol, end to end: real serialport bindings on a socat pty, its simulator on the other end. */
const drivers = RFID_READERS.map((reader) => ({ name: reader.name, reader }));

/** Built the way the kiosk builds it: through the device registry. */
const create = async (config: DeviceConfig): Promise<RfidReader> =>
  (await deviceRegistry.create(config, driverContext(silentLogger, realTransports()))) as RfidReader;

describe.each(drivers)('$name driver over a socat pty pair', ({ name, reader: definition }) => {
  let dir: string;
  let pty: PtyPair | undefined;
  let simLink: SerialLink | undefined;
  let reader: RfidReader | undefined;
  let manager: DeviceManager | undefined;
  const pad = new SimulatedPad();

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ob-rfid-'));
    pty = await startPtyPair(dir);
    pad.clear();
  });

  afterEach(async () => {
    await manager?.stop();
    manager = undefined;
    await reader?.close();
    await simLink?.close();
    await pty?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function attachSimulator(path: string): Promise<void> {
    simLink = await SerialLink.open({ path, baudRate: definition.line.baud, parity: definition.line.parity });
    definition.simulate(simLink, pad, definition.schema.parse({}));
  }

  const config = (port: string): DeviceConfig =>
    ({
      id: `pad-${name}`,
      kind: 'rfid',
      driver: name,
      enabled: true,
      port,
      pollIntervalMs: 30,
      reconnectMs: 100,
      timeoutMs: patient(300), // an answer over the pty may take long on a loaded machine
    }) as DeviceConfig;

  it('reads the pad, decodes items and flips AFI with a read-back', async () => {
    await attachSimulator(pty!.b);
    reader = await create(config(pty!.a));
    const itemPad = createItemPad(reader as PadReader, { logger: silentLogger });
    const events: PadEvent[] = [];
    itemPad.onEvent((e) => events.push(e));
    itemPad.start();
    await reader.open();
    expect(reader.status().state).toBe('connected');
    const uid = pad.place({ item: { itemId: '30012000123456', partsInSet: 2, partNumber: 1, isil: 'SE-Ab12', country: 'SE' } });
    await until(() => events.length === 1);
    expect(events[0]).toMatchObject({ type: 'item.placed', tag: { uid, itemId: '30012000123456', partsInSet: 2, isil: 'SE-Ab12' } });
    expect(await itemPad.setSecurity(uid, 'released')).toMatchObject({ confirmed: true });
    expect(pad.get(uid)?.afi).toBe(0xc2);
    const data = new Uint8Array(32).fill(0x41);
    await reader.writeBlocks(uid, 8, data);
    expect(await reader.readBlocks(uid, 8, 8)).toEqual(data);
    pad.lift(uid);
    await until(() => events.length === 2);
    expect(events[1]).toEqual({ type: 'item.lifted', uid });
  });

  it('goes missing when the pty disappears mid-poll and recovers on a new pty at the same path (the device manager reopens it)', async () => {
    await attachSimulator(pty!.b);
    manager = new DeviceManager(deviceRegistry, [config(pty!.a)], silentLogger);
    const states: string[] = [];
    manager.onStatus((r) => states.push(r.status.state));
    await manager.start();
    reader = manager.get(`pad-${name}`) as RfidReader;
    pad.place({ item: { itemId: '1' } });
    expect(await reader.inventory()).toHaveLength(1); // the link works, and the background polls run
    await simLink?.close();
    await pty!.stop();
    await until(() => reader!.status().state === 'missing');
    expect(reader.status().reason).toBeTruthy();
    pty = await startPtyPair(dir);
    await attachSimulator(pty.b);
    await until(() => reader!.status().state === 'connected', 5000);
    expect(await reader.inventory()).toHaveLength(1);
    expect(states.slice(0, 3)).toEqual(['connecting', 'connected', 'missing']);
    expect(states.at(-1)).toBe('connected');
  });
});
