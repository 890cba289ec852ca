import { join } from 'node:path';
import type { KioskConfig } from '../../shared/config/schema.ts';
import type { DeviceView } from '../../shared/contract/view.ts';
import type { Logger } from '../../shared/logger.ts';
import { catalogFile } from '../catalog/files.ts';
import { KioskCatalog } from '../catalog/kiosk-catalog.ts';
import { connectCentral, type DemoCentral, type Sip2Connection } from '../central/index.ts';
import type { KioskCore } from '../core/ports.ts';
import type { DeviceManager } from '../devices/manager.ts';
import { DemoClock } from '../door/door-clock.ts';
import type { DoorController } from '../door/door-controller.ts';
import { EntryLog } from '../door/entry-log.ts';
import { startWebHost, type WebHost } from '../hosts/web/server.ts';
import { BridgeHub } from '../hub/bridge-hub.ts';
import { RequestRouter } from '../hub/request-router.ts';
import { createReceiptMailer } from '../mail/receipt-mailer.ts';
import { createKioskMetrics, type KioskMetricsRegistry } from '../metrics/index.ts';
import { createQueuedCentral, type QueuedCentral } from '../queue/queued-central.ts';
import { queueStatus } from '../queue/report.ts';
import { QUEUE_MIGRATIONS } from '../queue/schema.ts';
import { InstallKey } from '../security/install-key.ts';
import { PinAttempts } from '../security/pin-attempts.ts';
import { localHourKey } from '../stats/local-hours.ts';
import { TransactionStats } from '../stats/transaction-stats.ts';
import { loadCardSecret } from '../storage/card-key.ts';
import { DATA_FILE, openDataFile } from '../storage/data-file.ts';
import { type Db, migrate, openDatabase } from '../storage/database.ts';
import { type KioskDevices, startDevices } from './device-wiring.ts';
import { isDoorReader, startDoor } from './door-wiring.ts';
import { holdLabel } from './hold-label.ts';
import { harvestChild, rendererDir } from './install-paths.ts';
import { describeWarning, installWarnings } from './install-warnings.ts';
import { ItemTitles } from './item-titles.ts';
import { kioskRequestHandlers } from './kiosk-requests.ts';
import { KioskShell } from './kiosk-shell.ts';
import { pollForMetrics, startMetricsOrWarn, watchForMetrics } from './metrics-wiring.ts';
import { SessionScreens } from './session-screens.ts';
import { simulatorPanel } from './simulator-wiring.ts';
import { startStaffApiOrWarn } from './staff-wiring.ts';
import { KIOSK_VERSION } from './version.ts';

export interface RunningKiosk {
  readonly core: KioskCore;
  readonly shell: KioskShell;
  readonly devices: KioskDevices;
  readonly web: WebHost | undefined;
  readonly hub: BridgeHub;
  readonly central: Sip2Connection;
  /** The central system as the self-service flows see it: behind the write-ahead queue. */
  readonly queue: QueuedCentral;
  readonly screens: SessionScreens;
  readonly door: DoorController | undefined;
  readonly metrics: KioskMetricsRegistry;
  /** Switches the door lock off now, whatever is under way (a fatal error). */
  failSafe(): Promise<void>;
  /** The harvested catalogue ("Tips för mig", reservations). */
  readonly catalog: KioskCatalog;
  /** Where /metrics is served (undefined: disabled or the port was taken). */
  readonly metricsUrl: string | undefined;
  /** Where the staff API is served (undefined: not configured). */
  readonly staffApiUrl: string | undefined;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly config: KioskConfig;
  readonly logger: Logger;
  readonly web?: { readonly port: number; readonly token?: string };
  readonly rendererDir?: string;
  /** Folder of the kiosk's SQLite file; default: in memory (tests). */
  readonly dataDir?: string;
  /** The data file, already opened and checked by the caller (openDataFile); wins over `dataDir`. */
  readonly db?: Db;
  /** Checks the technician PIN; default refuses every PIN. */
  readonly verifyTechnicianPin?: (pin: string) => Promise<boolean>;
  /** The config file in use (undefined: embedded default), where the technician adds devices. */
  readonly configFile?: string;
  /** Folder of the rotated log files, for the technician's log tab. */
  readonly logDir?: string;
  /** A fault the kiosk cannot recover from (the door machine keeps dying): end the process so the supervisor restarts it. */
  readonly onFatal?: (reason: string) => void;
  /** A hub already serving the start screen (`BridgeHub.whileStarting`): completed with this kiosk once it is built. */
  readonly hub?: BridgeHub;
  /** The embedded default's demo central system, already starting in a process of its own; default: in this process. */
  readonly demoCentral?: Promise<DemoCentral>;
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
  // The data file first, tables brought forward included: a damaged, locked, unwritable or too new
  // file stops the start before any device, connection or port is opened.
  const db = options.db ?? (options.dataDir ? openDataFile(join(options.dataDir, DATA_FILE)) : openDatabase(':memory:'));
  migrate(db, QUEUE_MIGRATIONS);
  // Card numbers are stored only as keys under the install's secret, which lives beside the data file.
  // The same secret seals the card numbers the door's offline cache re-checks in the background.
  const installKey = options.dataDir ? new InstallKey(loadCardSecret(options.dataDir)) : InstallKey.ephemeral();
  const cardKey = installKey.cardKey;
  const entryLog = new EntryLog(db, cardKey);
  const warnings = installWarnings(config);
  for (const w of warnings) logger.warn({ code: w.code, devices: w.devices }, describeWarning(w));
  const metrics = createKioskMetrics({ version: KIOSK_VERSION, branch: config.branch.id, demo: config.demo, warnings });
  const devices = await startDevices(config.devices, logger);
  const metricsServer = await startMetricsOrWarn(metrics, config, logger);
  const central = await connectCentral(config, logger, options.demoCentral);
  watchForMetrics(metrics, devices.manager, central);
  const stats = new TransactionStats(db);
  // One PIN attempt limit for the self-service screens and the door.
  const pinAttempts = new PinAttempts(db, config.policies.pinAttempts, installKey.cardKey);
  // Loans, returns and renewals go through the queue: on disk before they are sent or shown as done.
  const queue = createQueuedCentral({
    central: central.central,
    db,
    policy: config.offline,
    branchId: config.branch.id,
    timeZone: config.branch.timezone,
    cardKey,
    logger,
    onBacklog: (pending, oldest) => metrics.metrics.queue(pending, oldest),
  });
  const printer = devices.manager.printer();
  const stopPolling = pollForMetrics(metrics, {
    printers: printer ? [printer] : [],
    openConflicts: () => queueStatus(db).openConflicts,
  });
  const region = { ...central.demo?.region, ...config.branch.region };
  const catalog = new KioskCatalog({
    config: config.catalog,
    file: options.dataDir ? catalogFile(config, options.dataDir) : ':memory:',
    oaiUrl: config.catalog.oaiUrl ?? central.demo?.oai?.url,
    here: config.branch.id,
    logger: logger.child({ subsystem: 'catalog' }),
    // Electron's main process has no Node to fork (its RunAsNode fuse is off): it harvests in-process.
    ...(process.versions.electron === undefined ? { harvestChild } : {}),
  });
  catalog.start();
  // Sorted the Swedish way when "Tips för mig" first needs them: ICU's collation data stays out of the idle kiosk.
  let pickupBranches: { code: string; name: string }[] | undefined;
  const branches = () =>
    (pickupBranches ??= [
      { code: config.branch.id, name: config.branch.name },
      ...Object.entries(region)
        .filter(([code]) => code !== config.branch.id)
        .map(([code, name]) => ({ code, name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    ]);
  let shell: KioskShell | undefined;
  let door: DoorController | undefined;
  const titles = new ItemTitles(db, queue);
  titles.prune();
  const screens = new SessionScreens({
    discover: {
      catalog,
      central: queue,
      here: config.branch.id,
      get branches() {
        return branches();
      },
      emediaLinkTemplate: config.catalog.emediaLinkTemplate,
      opacLinkTemplate: config.catalog.opacLinkTemplate,
    },
    central: queue,
    pad: devices.pad,
    cardReaders: devices.cardReaders.filter((r) => !isDoorReader(config, r)),
    printer: devices.manager.printer(),
    branchId: config.branch.id,
    branchDisplayName: config.branch.name,
    branchName: (code) => region[code] ?? code,
    pickupLabel: (card, name) => holdLabel(config.policies.holdLabel, card, name),
    checkInOnSecurityFailure: config.policies.checkInOnSecurityFailure,
    countTransaction: (kind, outcome) => stats.count(localHourKey(new Date(), config.branch.timezone), kind, outcome),
    policy: {
      pinRequired: config.policies.pinRequired,
      idleSeconds: config.policies.idleTimeoutSeconds,
      warningSeconds: config.policies.idleWarningSeconds,
      receipt: config.policies.receipt,
      emailReceipts: config.receiptMail !== undefined,
    },
    mailer: config.receiptMail && createReceiptMailer(config.receiptMail, logger),
    language: () => shell?.view().language ?? config.branch.language,
    branchLanguage: config.branch.language,
    timeZone: config.branch.timezone,
    titles,
    // Without a door controller the branch is taken to be staffed whenever the kiosk is used.
    staffedNow: () => (door ? door.view().mode === 'staffed' : true),
    pinAttempts: { limit: pinAttempts, timeZone: config.branch.timezone },
    logger: logger.child({ subsystem: 'session' }),
  });
  shell = new KioskShell({ config, logger, screens });
  const kioskShell = shell;
  kioskShell.setCentral(queue.health());
  queue.onHealth((h) => kioskShell.setCentral(h));
  kioskShell.setDevices(deviceViews(devices.manager));
  devices.manager.onStatus(() => kioskShell.setDevices(deviceViews(devices.manager)));

  // Only demo mode has a door clock the simulator panel can move.
  const demoClock = config.demo ? new DemoClock() : undefined;
  const doorParts = startDoor({
    config,
    clock: demoClock,
    attempts: pinAttempts,
    installKey,
    ...(options.onFatal ? { fatal: options.onFatal } : {}),
    devices,
    central: central.central,
    db,
    entryLog,
    metrics: metrics.metrics,
    logger,
  });
  door = doorParts.door;
  const staffApi = await startStaffApiOrWarn({ config, door, ops: doorParts.ops, metrics: metrics.metrics, logger });
  door?.onAnnouncement(({ minutes }) => kioskShell.announce(minutes));
  const simulator = simulatorPanel({ config, devices, demo: central.demo, door, clock: demoClock, region, logger });
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
      stats,
      ops: doorParts.ops,
      door,
      logDir: options.logDir,
      configFile: options.configFile,
    }),
    options.verifyTechnicianPin ?? (async () => false),
    logger,
  );
  const hub = options.hub ?? new BridgeHub(core, logger.child({ subsystem: 'bridge' }), router);
  options.hub?.complete(core, router);
  const web = options.web
    ? await startWebHost({
        hub,
        rendererDir: options.rendererDir ?? rendererDir,
        port: options.web.port,
        logger,
        simulatorPanel: simulator !== undefined,
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
    failSafe: async () => {
      await door?.failSafe();
    },
    catalog,
    metricsUrl: metricsServer?.url,
    staffApiUrl: staffApi?.url,
    stop: async () => {
      stopPolling();
      await staffApi?.close();
      await web?.close();
      await catalog.stop();
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
