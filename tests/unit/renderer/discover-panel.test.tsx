// @vitest-environment happy-dom
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedHidKeyboard } from '../../../devices/card/simulated-hid-keyboard.ts';
import { SimulatedUsbRelay } from '../../../devices/door/usbrelay-simulator.ts';
import { SimulatedHidBus } from '../../../devices/hid/simulated-bus.ts';
import { addDeviceToConfig } from '../../../main/config/add-device.ts';
import { loadConfig } from '../../../main/config/load.ts';
import { listDevices } from '../../../main/devices/discover.ts';
import { RequestRouter } from '../../../main/hub/request-router.ts';
import { deviceSetupHandlers } from '../../../main/hub/requests/device-setup-handlers.ts';
import { RequestClient } from '../../../renderer/src/bridge/request-client.ts';
import { initI18n } from '../../../renderer/src/i18n.ts';
import { DiscoverPanel } from '../../../renderer/src/technician/tabs/devices/DiscoverPanel.tsx';
import { TechnicianContext, type TechnicianContextValue } from '../../../renderer/src/technician/technician-context.tsx';
import type { KioskBridge, MainMessage } from '../../../shared/contract/bridge.ts';
import { RELAY_ROLES } from '../../../shared/devices/kinds.ts';
import { silentLogger } from '../../../shared/logger.ts';

/**
 * The technician's device finder, from the screen to the config file: the
 * panel in a DOM, its requests through the kiosk's request router and
 * device-setup handlers, a USBRelay board on the simulated HID bus. What
 * is asserted is what the panel offers and what lands in the file.
 */
const dirs: string[] = [];
afterEach(() => {
  cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
beforeAll(async () => {
  await initI18n();
});

/** A bridge whose far end is the kiosk's request router (a technician already logged in). */
function bridgeTo(router: RequestRouter): KioskBridge {
  const listeners = new Set<(m: MainMessage) => void>();
  return {
    send: (message) => {
      if (message.type !== 'request') return;
      void router.handle(message.method, message.params, { technician: true }).then((result) => {
        for (const l of listeners) l({ type: 'reply', id: message.id, result } as MainMessage);
      });
    },
    onMessage: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

function panelOn(bus: SimulatedHidBus, configFile: string) {
  const handlers = deviceSetupHandlers({
    discover: () => listDevices(bus),
    configFile,
    addDevice: (f, entry) => void addDeviceToConfig(f, entry),
  });
  const router = new RequestRouter(handlers, async () => true, silentLogger);
  const value = { client: new RequestClient(bridgeTo(router)) } as unknown as TechnicianContextValue;
  return render(
    <TechnicianContext.Provider value={value}>
      <DiscoverPanel />
    </TechnicianContext.Provider>,
  );
}

function emptyConfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ob-panel-'));
  dirs.push(dir);
  const file = join(dir, 'config.yaml');
  writeFileSync(file, 'branch:\n  id: VAS\ndevices: []\n', { mode: 0o600 });
  return file;
}

/** Presses "Sök efter enheter" and waits for the row of the device at `path`. */
async function foundRow(view: ReturnType<typeof render>, path: string): Promise<Element> {
  fireEvent.click(screen.getByRole('button', { name: 'Sök efter enheter' }));
  return waitFor(() => {
    const li = view.container.querySelector(`li[data-found="${path}"]`);
    if (!li) throw new Error(`${path} not listed yet`);
    return li;
  });
}

describe('the device finder on the technician screen', () => {
  it('offers every relay role there is, and writes the one chosen into the config file (no USB ids for a relay board)', async () => {
    const file = emptyConfig();
    const bus = new SimulatedHidBus();
    bus.plug(new SimulatedUsbRelay('QAAMZ', '/dev/hidraw4', 2));
    const view = panelOn(bus, file);
    const row = await foundRow(view, '/dev/hidraw4');
    const kind = row.querySelector<HTMLSelectElement>('select[id$="-kind"]')!;
    fireEvent.change(kind, { target: { value: 'relay-output' } });
    const role = row.querySelector<HTMLSelectElement>('select[id$="-role"]')!;
    expect([...role.options].map((o) => o.value)).toEqual([...RELAY_ROLES]);
    // Every role has Swedish words, not its code.
    for (const o of role.options) expect(o.textContent).not.toBe(o.value);
    fireEvent.change(role, { target: { value: 'camera-trigger' } });
    fireEvent.change(row.querySelector('input[id$="-id"]')!, { target: { value: 'camera' } });
    fireEvent.submit(row.querySelector('form')!);

    await waitFor(() => expect(readFileSync(file, 'utf8')).toContain('camera-trigger'));
    expect(loadConfig(file).config.devices.find((d) => d.id === 'camera')).toMatchObject({
      kind: 'relay-output',
      driver: 'usbrelay',
      role: 'camera-trigger',
      enabled: true,
    });
  });

  it('a HID keypad is written with its USB vendor and product id', async () => {
    const file = emptyConfig();
    const bus = new SimulatedHidBus();
    bus.plug(new SimulatedHidKeyboard({ path: '/dev/hidraw3', vendorId: 0x05a4, productId: 0x9759 }));
    const view = panelOn(bus, file);
    const row = await foundRow(view, '/dev/hidraw3');
    fireEvent.change(row.querySelector('select[id$="-kind"]')!, { target: { value: 'keypad' } });
    fireEvent.change(row.querySelector('input[id$="-id"]')!, { target: { value: 'pin' } });
    fireEvent.submit(row.querySelector('form')!);
    await waitFor(() => expect(readFileSync(file, 'utf8')).toContain('pin'));
    expect(loadConfig(file).config.devices.find((d) => d.id === 'pin')).toMatchObject({
      kind: 'keypad',
      driver: 'hid',
      vendorId: 0x05a4,
      productId: 0x9759,
    });
  });
});
