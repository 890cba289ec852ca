import { join, resolve } from 'node:path';
import type { KioskConfig } from '../../shared/config/schema.ts';
import type { DeviceView } from '../../shared/contract/view.ts';
import type { Logger } from '../../shared/logger.ts';
import { DEMO_BRANCHES } from '../central/demo/data.ts';
import { type CentralConnection, connectCentral } from '../central/index.ts';
import type { DeviceManager } from '../devices/manager.ts';
import type { DoorController } from '../door/door-controller.ts';
import { EntryLog } from '../door/entry-log.ts';
import { localTime } from '../door/schedule.ts';
import { startWebHost, type WebHost } from '../hosts/web/server.ts';
import { BridgeHub, type KioskCore } from '../hub/bridge-hub.ts';
import { RequestRouter } from '../hub/request-router.ts';
import { createKioskMetrics, type KioskMetricsRegistry } from '../metrics/index.ts';
import { createQueuedCentral, type QueuedCentral } from '../queue/queued-central.ts';
import { TransactionStats } from '../stats/transaction-stats.ts';
import { openDatabase } from '../storage/database.ts';
import { type KioskDevices, startDevices } from './device-wiring.ts';
import { isDoorReader, startDoor } from './door-wiring.ts';
import { holdLabel } from './hold-label.ts';
import { ItemTitles } from './item-titles.ts';
import { kioskRequestHandlers } from './kiosk-requests.ts';
import { KioskShell } from './kiosk-shell.ts';
import { startMetricsOrWarn, watchForMetrics } from './metrics-wiring.ts';
import { SessionScreens } from './session-screens.ts';
import { simulatorPanel } from './simulator-wiring.ts';
import { KIOSK_VERSION } from './version.ts';

/** dist/renderer next to the sources (repo checkout) or inside the package. */
export const defaultRendererDir = resolve(import.meta.dirname, '../../dist/renderer');

export interface RunningKiosk {
  readonly core: KioskCore;
  readonly shell: KioskShell;
  readonly devices: KioskDevices;
  readonly web: WebHost | undefined;
  readonly hub: BridgeHub;
  readonly central: CentralConnection;
  /** The central system as the self-service flows see it: behind the write-ahead queue. */
  readonly queue: QueuedCentral;
  readonly screens: SessionScreens;
  readonly door: DoorController | undefined;
  readonly metrics: KioskMetricsRegistry;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly config: KioskConfig;
  readonly logger: Logger;
  readonly web?: { readonly port: number; readonly token?: string };
  readonly rendererDir?: string;
  /** Folder of the kiosk's SQLite file; default: in memory (tests). */
  readonly dataDir?: string;
  /** Checks the technician PIN; default refuses every PIN. */
  readonly verifyTechnicianPin?: (pin: string) => Promise<boolean>;
  /** The config file in use (undefined: embedded default), where the technician adds devices. */
  readonly configFile?: string;
  /** Folder of the rotated log files, for the technician's log tab. */
  readonly logDir?: string;
}

const deviceViews = (manager: DeviceManager): DeviceView[] =>
  manager.reports().map((r) => ({
    id: r.id,
    kind: r.kind,
    state: r.status.state,
    ...(r.status.reason ? { reason: r.status.reason } : {}),
  }));

/**
 * The composition root: builds the kiosk core from config and hands it
 * to a host. Everything concrete (drivers, SIP2, SQLite) is chosen here
 * and nowhere else.
 */
export async function startKiosk(options: StartOptions): Promise<RunningKiosk> {
  const { config, logger } = options;
  const metrics = createKioskMetrics({ version: KIOSK_VERSION, branch: config.branch.id });
  const devices = await startDevices(config.devices, logger);
  const metricsServer = await startMetricsOrWarn(metrics, config, logger);
  const central = await connectCentral(config, logger);
  watchForMetrics(metrics, devices.manager, central.central);
  const db = openDatabase(options.dataDir ? join(options.dataDir, 'openbranch.sqlite') : ':memory:');
  const stats = new TransactionStats(db);
  // Loans, returns and renewals go through the queue: on disk before they are sent or shown as done.
  const queue = createQueuedCentral({
    central: central.central,
    db,
    policy: config.offline,
    branchId: config.branch.id,
    timeZone: config.branch.timezone,
    logger,
    onBacklog: (pending, oldest) => metrics.metrics.queue(pending, oldest),
  });
  const localHour = (at: Date) => {
    const t = localTime(at, config.branch.timezone);
    return `${t.date}T${String(Math.floor(t.minute / 60)).padStart(2, '0')}`;
  };
  const region = { ...(central.demo ? Object.fromEntries(DEMO_BRANCHES.map((b) => [b.code, b.name])) : {}), ...config.branch.region };
  let shell: KioskShell | undefined;
  let door: DoorController | undefined;
  const titles = new ItemTitles(db, queue);
  titles.prune();
  const screens = new SessionScreens({
    central: queue,
    pad: devices.pad,
    cardReaders: devices.cardReaders.filter((r) => !isDoorReader(config, r)),
    printer: devices.manager.printer(),
    branchId: config.branch.id,
    branchDisplayName: config.branch.name,
    branchName: (code) => region[code] ?? code,
    pickupLabel: (card, name) => holdLabel(config.policies.holdLabel, card, name),
    checkInOnSecurityFailure: config.policies.checkInOnSecurityFailure,
    countTransaction: (kind, outcome) => stats.count(localHour(new Date()), kind, outcome),
    policy: {
      pinRequired: config.policies.pinRequired,
      idleSeconds: config.policies.idleTimeoutSeconds,
      warningSeconds: config.policies.idleWarningSeconds,
      receipt: config.policies.receipt,
    },
    language: () => shell?.view().language ?? config.branch.language,
    branchLanguage: config.branch.language,
    timeZone: config.branch.timezone,
    titles,
    // Without a door controller the branch is taken to be staffed whenever the kiosk is used.
    staffedNow: () => (door ? door.view().mode === 'staffed' : true),
    logger: logger.child({ subsystem: 'session' }),
  });
  shell = new KioskShell({ config, logger, screens });
  const kioskShell = shell;
  kioskShell.setCentral(queue.health());
  queue.onHealth((h) => kioskShell.setCentral(h));
  kioskShell.setDevices(deviceViews(devices.manager));
  devices.manager.onStatus(() => kioskShell.setDevices(deviceViews(devices.manager)));

  const doorParts = startDoor({
    config,
    devices,
    central: central.central,
    db,
    entryLog: new EntryLog(db),
    metrics: metrics.metrics,
    logger,
  });
  const { entryLog } = doorParts;
  door = doorParts.door;
  door?.onAnnouncement(({ minutes }) => kioskShell.announce(minutes));
  const simulator = simulatorPanel({ config, devices, demo: central.demo, door, region, logger });
  const core: KioskCore = {
    view: () => kioskShell.view(),
    onView: (l) => kioskShell.onView(l),
    dispatch: (e) => kioskShell.dispatch(e),
    ...(door ? { door } : {}),
    ...(simulator ? { simulator } : {}),
  };
  const router = new RequestRouter(
    kioskRequestHandlers({
      config,
      devices,
      central,
      queue,
      entryLog,
      door,
      logDir: options.logDir,
      configFile: options.configFile,
    }),
    options.verifyTechnicianPin ?? (async () => false),
    logger,
  );
  const hub = new BridgeHub(core, logger.child({ subsystem: 'bridge' }), router);
  const web = options.web
    ? await startWebHost({
        hub,
        rendererDir: options.rendererDir ?? defaultRendererDir,
        port: options.web.port,
        logger,
        ...(options.web.token ? { token: options.web.token } : {}),
      })
    : undefined;
  return {
    core,
    shell: kioskShell,
    central,
    queue,
    screens,
    door,
    devices,
    web,
    hub,
    metrics,
    stop: async () => {
      await web?.close();
      await metricsServer?.close();
      screens.stop();
      await doorParts.stop();
      queue.close();
      db.close();
      kioskShell.dispose();
      await devices.stop();
      await central.close();
    },
  };
}
