import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../main/config/load.ts';
import { deviceRegistry } from '../../../main/devices/drivers.ts';
import { DEVICE_KINDS, RELAY_ROLES } from '../../../shared/devices/kinds.ts';
import { isOpenBranchError } from '../../../shared/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'ob-devices-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Loads a config whose `devices:` list is the given YAML lines; returns the config or the refusal's message. */
function load(devices: string): { ok: true; devices: Record<string, unknown>[] } | { ok: false; message: string; file: string } {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, `devices:\n${devices}`);
  try {
    return { ok: true, devices: loadConfig(file).config.devices };
  } catch (e) {
    if (!isOpenBranchError(e, 'config.invalid')) throw e;
    return { ok: false, message: e.message, file };
  }
}

describe('device entries are checked against the registered drivers at load', () => {
  it('a misspelt option stops the start with the file, the field and the valid options', () => {
    const r = load('  - { id: pad, kind: rfid, driver: feig, port: /dev/ttyUSB0, polIntervalMs: 100 }\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain(r.file);
    expect(r.message).toMatch(/devices\[0\]: unknown option\(s\) "polIntervalMs" for rfid\/feig/);
    expect(r.message).toMatch(/valid options: id, kind, driver, enabled, .*pollIntervalMs.*address, framing/);
  });

  it('an option of another driver is refused (3M pads have no FEIG bus address)', () => {
    const r = load('  - { id: pad, kind: rfid, driver: 3m, port: /dev/ttyUSB0, address: 3 }\n');
    expect(r.ok ? '' : r.message).toMatch(/devices\[0\]: unknown option\(s\) "address" for rfid\/3m/);
  });

  it("a driver's own cross-field rule holds in the strict entry: the exit button cannot share the door contact's input", () => {
    const same = load('  - { id: door, kind: door-sensor, driver: input-board, port: /dev/ttyUSB1, input: 1, exitButton: { input: 1 } }\n');
    expect(same.ok ? '' : same.message).toMatch(/devices\[0\]\.exitButton\.input: exitButton\.input must differ/);
    const other = load(
      '  - { id: door, kind: door-sensor, driver: input-board, port: /dev/ttyUSB1, input: 1, exitButton: { input: 2 } }\n',
    );
    expect(other.ok).toBe(true);
  });

  it('an unknown driver names the drivers of that kind; an unknown kind names the kinds', () => {
    const driver = load('  - { id: pad, kind: rfid, driver: fieg, port: /dev/ttyUSB0 }\n');
    expect(driver.ok ? '' : driver.message).toMatch(/devices\[0\]\.driver: .*feig, 3m, simulated/);
    const kind = load('  - { id: x, kind: rfdi, driver: feig }\n');
    expect(kind.ok ? '' : kind.message).toMatch(new RegExp(`devices\\[0\\]\\.kind: .*${DEVICE_KINDS.join(', ')}`));
  });

  it('a relay role outside the known ones is refused with the roles', () => {
    const r = load('  - { id: s, kind: relay-output, driver: simulated, role: sirne }\n');
    expect(r.ok ? '' : r.message).toMatch(/devices\[0\]\.role: .*"siren"/);
  });

  it('a good entry gets its driver defaults; every problem of every entry is listed at once', () => {
    const good = load(
      '  - { id: pad, kind: rfid, driver: feig, port: /dev/ttyUSB0 }\n  - { id: lock, kind: door-lock, driver: simulated }\n',
    );
    expect(good.ok && good.devices).toEqual([
      expect.objectContaining({ id: 'pad', pollIntervalMs: 250, address: 255, framing: 'standard', enabled: true }),
      expect.objectContaining({ id: 'lock', maxPulseMs: 30_000 }),
    ]);
    const two = load(
      '  - { id: a, kind: printer, driver: escpos, port: /dev/ttyUSB1, colums: 48 }\n  - { id: b, kind: keypad, driver: hid }\n',
    );
    expect(two.ok ? '' : two.message).toMatch(/devices\[0\]: unknown option\(s\) "colums"[\s\S]*devices\[1\]\.vendorId/);
  });

  it('every kind has drivers, and every relay role is a word the config accepts', () => {
    for (const kind of DEVICE_KINDS) expect(deviceRegistry.driversOf(kind).length, kind).toBeGreaterThan(0);
    for (const role of RELAY_ROLES)
      expect(load(`  - { id: o, kind: relay-output, driver: simulated, role: ${role} }\n`).ok, role).toBe(true);
  });
});
