import type { KioskConfig } from '../../../shared/config/schema.ts';
import type { InstallWarning } from '../../../shared/contract/requests.ts';
import type { CardReader } from '../../../shared/devices/card.ts';
import type { DoorLock } from '../../../shared/devices/door.ts';
import type { ReceiptPrinter } from '../../../shared/devices/printer.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import type { DeviceTester } from '../../core/ports.ts';
import type { RequestHandlers } from '../request-router.ts';

const TEST_PULSE_MS = 3000;
const CARD_WAIT_MS = 15_000;

/** devices.list (with the install's warnings, e.g. simulated devices outside demo mode) and devices.test for the technician screen. */
export function deviceHandlers(
  devices: DeviceTester,
  config: KioskConfig,
  warnings: readonly InstallWarning[] = [],
): Pick<RequestHandlers, 'devices.list' | 'devices.test'> {
  const portOf = new Map(config.devices.map((d) => [d.id, d.port]));
  return {
    'devices.list': async () => ({
      devices: devices.reports().map((r) => ({
        id: r.id,
        kind: r.kind,
        driver: r.driver,
        state: r.status.state,
        ...(r.status.reason ? { reason: r.status.reason } : {}),
        ...(portOf.get(r.id) ? { port: portOf.get(r.id) } : {}),
      })),
      warnings: warnings.map((w) => ({ code: w.code, devices: [...w.devices] })),
    }),
    'devices.test': async ({ id, action }: { id: string; action: 'pulse' | 'print' | 'read' | 'status' }) => {
      const device = devices.get(id);
      if (!device) throw new OpenBranchError('device.unknown', `no device "${id}"`);
      if (action === 'status') return { ok: device.status().state === 'connected', detail: device.status().state };
      if (action === 'pulse' && device.kind === 'door-lock') {
        await (device as DoorLock).pulse(TEST_PULSE_MS);
        return { ok: true, detail: `pulsed ${TEST_PULSE_MS} ms; now ${await (device as DoorLock).readState()}` };
      }
      if (action === 'print' && device.kind === 'printer') {
        await (device as ReceiptPrinter).print({
          lines: [
            { type: 'text', text: 'OpenBranch', bold: true, size: 2, align: 'center' },
            { type: 'text', text: `${config.branch.name}` },
            { type: 'text', text: 'Testkvitto: åäö ÅÄÖ' },
            { type: 'barcode', data: '123456789' },
          ],
        });
        return { ok: true, detail: `printed; paper ${await (device as ReceiptPrinter).paper()}` };
      }
      if (action === 'read' && device.kind === 'rfid') {
        const items = devices.padItems();
        return {
          ok: true,
          detail: items.length ? items.map((i) => `${i.itemId} ${i.partNumber}/${i.partsInSet} (${i.model})`).join(', ') : 'no tags',
        };
      }
      if (action === 'read' && device.kind === 'card-reader') return readOneCard(device as CardReader);
      throw new OpenBranchError('device.unsupported', `"${action}" does not apply to a ${device.kind}`);
    },
  };
}

/** Waits for one card; shows only its last four characters (the technician checks the reader, not the patron). */
function readOneCard(reader: CardReader): Promise<{ ok: boolean; detail: string }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      off();
      resolve({ ok: false, detail: 'no card within 15 s' });
    }, CARD_WAIT_MS);
    const off = reader.onCard((card) => {
      clearTimeout(timer);
      off();
      resolve({ ok: true, detail: `card …${card.number.slice(-4)} (${card.source})` });
    });
  });
}
