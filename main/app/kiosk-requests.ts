import type { KioskConfig } from '../../shared/config/schema.ts';
import { addDeviceToConfig } from '../config/add-device.ts';
import type { CentralConnection, DeviceTester } from '../core/ports.ts';
import { listDevices } from '../devices/discover.ts';
import type { DoorController } from '../door/door-controller.ts';
import type { EntryLog } from '../door/entry-log.ts';
import type { OpsLog } from '../door/ops-log.ts';
import type { RequestHandlers } from '../hub/request-router.ts';
import { branchHandlers } from '../hub/requests/branch-handlers.ts';
import { centralHandlers } from '../hub/requests/central-handlers.ts';
import { deviceHandlers } from '../hub/requests/device-handlers.ts';
import { type DeviceSetup, deviceSetupHandlers } from '../hub/requests/device-setup-handlers.ts';
import { doorOpsHandlers } from '../hub/requests/door-ops-handlers.ts';
import { logHandlers } from '../hub/requests/log-handlers.ts';
import { queueHandlers } from '../hub/requests/queue-handlers.ts';
import { reportHandlers } from '../hub/requests/report-handlers.ts';
import type { QueuedCentral } from '../queue/queued-central.ts';
import type { TransactionStats } from '../stats/transaction-stats.ts';
import { installWarnings } from './install-warnings.ts';

export interface KioskRequestParts {
  readonly config: KioskConfig;
  readonly devices: DeviceTester;
  readonly central: CentralConnection;
  readonly queue: QueuedCentral;
  readonly entryLog: EntryLog;
  readonly stats: TransactionStats;
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
      demo: p.config.central.kind === 'demo',
      profile: p.central.profile,
      lastRoundTripMs: () => lastRoundTripMs,
    }),
    ...queueHandlers(p.queue),
    ...logHandlers(p.logDir),
    ...doorOpsHandlers(p.door, p.ops),
    ...reportHandlers({
      entryLog: p.entryLog,
      transactions: p.stats,
      timeZone: p.config.branch.timezone,
      identityDays: p.config.door.logRetention.identityDays,
      ops: p.ops,
    }),
    ...branchHandlers(p.config, p.door),
  };
}
