import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedHidKeyboard } from '../../../devices/card/simulated-hid-keyboard.ts';
import { SimulatedHidBus } from '../../../devices/hid/simulated-bus.ts';
import { addDeviceToConfig } from '../../../main/config/add-device.ts';
import { loadConfig } from '../../../main/config/load.ts';
import { listDevices } from '../../../main/devices/discover.ts';
import { deviceSetupHandlers } from '../../../main/hub/requests/device-setup-handlers.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const CONFIG = `# Västerås, door terminal
branch:
  id: VAS
devices:
  # the lock on relay 1
  - { id: lock, kind: door-lock, driver: simulated }
`;

function configFile(text = CONFIG): string {
  const dir = mkdtempSync(join(tmpdir(), 'ob-cfg-'));
  dirs.push(dir);
  const file = join(dir, 'config.yaml');
  writeFileSync(file, text, { mode: 0o600 });
  return file;
}

describe('technician: assign a found device a role (writes the config file)', () => {
  it('adds the entry, keeps the comments, stays loadable and private', () => {
    const file = configFile();
    addDeviceToConfig(file, { id: 'door-card', kind: 'card-reader', driver: 'hid', vendorId: '0c27', productId: '3bfa', enabled: true });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# the lock on relay 1');
    expect(text).toContain('# Västerås, door terminal');
    expect(loadConfig(file).config.devices.map((d) => [d.id, d.kind, d.driver])).toEqual([
      ['lock', 'door-lock', 'simulated'],
      ['door-card', 'card-reader', 'hid'],
    ]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses what would not start, and leaves the file as it was', () => {
    const file = configFile();
    expect(() => addDeviceToConfig(file, { id: 'lock', kind: 'door-lock', driver: 'lcus', port: '/dev/ttyUSB0' })).toThrow(
      /device id "lock" is used twice/,
    );
    expect(() => addDeviceToConfig(file, { id: 'x', kind: 'scanner', driver: 'hid' })).toThrow(/devices\[1\]\.kind/);
    expect(readFileSync(file, 'utf8')).toBe(CONFIG);
  });

  it('discovers a HID keypad on the bus, and assigns it through the request handlers', async () => {
    const bus = new SimulatedHidBus();
    bus.plug(new SimulatedHidKeyboard({ path: '/dev/hidraw4', vendorId: 0x0c27, productId: 0x3bfa }));
    const file = configFile();
    const handlers = deviceSetupHandlers({
      discover: () => listDevices(bus),
      configFile: file,
      addDevice: (f, entry) => void addDeviceToConfig(f, entry),
    });
    const found = await handlers['devices.discover']!({} as never);
    const hid = found.devices.find((d) => d.bus === 'hid');
    expect(hid).toMatchObject({ path: '/dev/hidraw4', vendorId: '0c27', productId: '3bfa', guess: expect.stringContaining('pcProx') });
    const reply = await handlers['devices.assign']!({
      id: 'door-card',
      kind: 'card-reader',
      driver: 'hid',
      vendorId: '0c27',
      productId: '3bfa',
    } as never);
    expect(reply).toEqual({ ok: true, file, restartNeeded: true });
    expect(loadConfig(file).config.devices.find((d) => d.id === 'door-card')).toMatchObject({ kind: 'card-reader', enabled: true });
  });

  it('in the embedded default there is no file to write: a clear refusal', async () => {
    const handlers = deviceSetupHandlers({
      discover: async () => ({ devices: [], warnings: [] }),
      configFile: undefined,
      addDevice: () => {},
    });
    await expect(handlers['devices.assign']!({ id: 'a', kind: 'printer', driver: 'escpos' } as never)).rejects.toThrow(/--config FILE/);
  });
});
