import type { KioskConfig } from '../../shared/config/schema.ts';
import { addDeviceToConfig } from '../config/add-device.ts';
import type { CentralConnection, DeviceTester } from '../core/ports.ts';
import { listDevices } from '../devices/discover.ts';
import type { DoorController } from '../door/door-controller.ts';
import type { EntryLog } from '../door/entry-log.ts';
import type { OpsLog } from '../door/ops-log.ts';
import { localTime } from '../door/schedule.ts';
import type { RequestHandlers } from '../hub/request-router.ts';
import { centralHandlers } from '../hub/requests/central-handlers.ts';
import { deviceHandlers } from '../hub/requests/device-handlers.ts';
import { type DeviceSetup, deviceSetupHandlers } from '../hub/requests/device-setup-handlers.ts';
import { doorOpsHandlers, tailgateRows } from '../hub/requests/door-ops-handlers.ts';
import { logHandlers } from '../hub/requests/log-handlers.ts';
import { queueHandlers } from '../hub/requests/queue-handlers.ts';
import type { QueuedCentral } from '../queue/queued-central.ts';
import { installWarnings } from './install-warnings.ts';

export interface KioskRequestParts {
  readonly config: KioskConfig;
  readonly devices: DeviceTester;
  readonly central: CentralConnection;
  readonly queue: QueuedCentral;
  readonly entryLog: EntryLog;
  readonly ops: OpsLog;
  readonly door: DoorController | undefined;
  readonly logDir: string | undefined;
  readonly configFile: string | undefined;
  /** What is plugged in (default: serialport and node-hid). */
  readonly discover?: DeviceSetup['discover'];
}

/** Every technician/staff request the kiosk answers. */
export function kioskRequestHandlers(p: KioskRequestParts): RequestHandlers {
  let lastRoundTripMs: number | undefined;
  p.central.onRoundTrip(({ ms }) => {
    lastRoundTripMs = ms;
  });
  const hourOf = (iso: string) => Math.floor(localTime(new Date(iso), p.config.branch.timezone).minute / 60);
  return {
    ...deviceHandlers(p.devices, p.config, installWarnings(p.config)),
    ...deviceSetupHandlers({
      discover: p.discover ?? (() => listDevices()),
      configFile: p.configFile,
      addDevice: (file, entry) => void addDeviceToConfig(file, entry),
    }),
    ...centralHandlers({
      health: () => p.queue.health(),
      address: p.central.address,
      profile: p.central.profile,
      lastRoundTripMs: () => lastRoundTripMs,
    }),
    ...queueHandlers(p.queue),
    ...logHandlers(p.logDir),
    ...doorOpsHandlers(p.door, p.ops),
    // "Who was it": staff enter (or a keyboard-wedge reader types) a card; its attempts are found by keyed hash.
    'report.entries': async ({ from, to, card }: { from: string; to: string; card?: string | undefined }) => ({
      ...p.entryLog.report(from, to, hourOf),
      identityDays: p.config.door.logRetention.identityDays,
      ...(card ? { entries: p.entryLog.entriesOf(card, from, to) } : {}),
      tailgates: tailgateRows(p.ops, from, to),
      staffActions: p.ops.staffActions(from, to),
    }),
    'schedule.show': async () => ({
      timezone: p.config.branch.timezone,
      now: p.door?.view().mode ?? 'n/a',
      ...p.config.door.schedule,
    }),
  };
}
