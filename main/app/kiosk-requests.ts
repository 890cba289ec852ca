import type { KioskConfig } from '../../shared/config/schema.ts';
import type { CentralConnection } from '../central/index.ts';
import { addDeviceToConfig } from '../config/add-device.ts';
import { listDevices } from '../devices/discover.ts';
import type { DoorController } from '../door/door-controller.ts';
import type { EntryLog } from '../door/entry-log.ts';
import type { RequestHandlers } from '../hub/request-router.ts';
import { branchHandlers } from '../hub/requests/branch-handlers.ts';
import { centralHandlers } from '../hub/requests/central-handlers.ts';
import { deviceHandlers } from '../hub/requests/device-handlers.ts';
import { type DeviceSetup, deviceSetupHandlers } from '../hub/requests/device-setup-handlers.ts';
import { logHandlers } from '../hub/requests/log-handlers.ts';
import { queueHandlers } from '../hub/requests/queue-handlers.ts';
import { reportHandlers } from '../hub/requests/report-handlers.ts';
import type { QueuedCentral } from '../queue/queued-central.ts';
import type { TransactionStats } from '../stats/transaction-stats.ts';
import type { KioskDevices } from './device-wiring.ts';

export interface KioskRequestParts {
  readonly config: KioskConfig;
  readonly devices: KioskDevices;
  readonly central: CentralConnection;
  readonly queue: QueuedCentral;
  readonly entryLog: EntryLog;
  readonly stats: TransactionStats;
  readonly door: DoorController | undefined;
  readonly logDir: string | undefined;
  readonly configFile: string | undefined;
  /** What is plugged in (default: serialport and node-hid). */
  readonly discover?: DeviceSetup['discover'];
}

/** Every technician/staff request the kiosk answers. */
export function kioskRequestHandlers(p: KioskRequestParts): RequestHandlers {
  let lastRoundTripMs: number | undefined;
  p.central.central.client.on('success', ({ ms }) => {
    lastRoundTripMs = ms;
  });
  const c = p.config.central;
  const sip = p.central.central.client.options;
  return {
    ...deviceHandlers(p.devices, p.config),
    ...deviceSetupHandlers({
      discover: p.discover ?? (() => listDevices()),
      configFile: p.configFile,
      addDevice: (file, entry) => void addDeviceToConfig(file, entry),
    }),
    ...centralHandlers({
      health: () => p.queue.health(),
      address: `${sip.host}:${sip.port}${sip.tls ? ' (TLS)' : ''}`,
      demo: c.kind === 'demo',
      profile: sip.profile.name,
      lastRoundTripMs: () => lastRoundTripMs,
    }),
    ...queueHandlers(p.queue),
    ...logHandlers(p.logDir),
    ...reportHandlers({
      entryLog: p.entryLog,
      transactions: p.stats,
      timeZone: p.config.branch.timezone,
      identityDays: p.config.door.logRetention.identityDays,
    }),
    ...branchHandlers(p.config, p.door),
  };
}
