import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Command } from 'commander';
import type { KioskConfig } from '../../../shared/config/schema.ts';
import { isOpenBranchError, OpenBranchError } from '../../../shared/errors.ts';
import type { Logger } from '../../../shared/logger.ts';
import { electronAvailable, launchElectron } from '../../app/electron-launcher.ts';
import { exitOnFatal } from '../../app/fatal.ts';
import { demoAcsChild, rendererDir } from '../../app/install-paths.ts';
import type { RunningKiosk } from '../../app/start-kiosk.ts';
import { startingScreen } from '../../app/starting-screen.ts';
import { startDemoAcsProcess } from '../../central/demo/acs-process.ts';
import type { DemoCentral } from '../../central/demo/demo-central.ts';
import { loadConfig } from '../../config/load.ts';
import { kioskPaths } from '../../config/paths.ts';
import { BridgeHub } from '../../hub/bridge-hub.ts';
import { createLogger } from '../../logging/logger.ts';
import { warnAboutConfigPermissions } from '../../security/config-permissions.ts';
import { startupExitCode } from '../../storage/storage-errors.ts';

/** How long the core's build waits, at most, for a page to be sent its start screen first. */
const PAGE_FIRST_MS = 750;
/**
 * How long the core's build waits after the first view went out, for the browser to draw it: the build takes
 * a core for ~300 ms, and on two cores it slowed the drawing (measured: the attract screen ~30 ms sooner, a
 * tap acted on ~80 ms later; what a page sends meanwhile waits in the hub).
 */
const DRAW_MS = 150;
/** The log files open this long after a page got its first view (it is drawing meanwhile)... */
const LOG_FILES_AFTER_VIEW_MS = 1000;
/** ...or at the latest this long after the kiosk core is up, even if no page has connected. */
const LOG_FILES_LATEST_MS = 3000;

interface StartFlags {
  readonly web?: boolean;
  readonly port?: number;
  readonly metricsPort?: number;
  readonly config?: string;
  readonly dev?: boolean;
}

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('start the kiosk (Electron when available and --web is not given, else the web host)')
    .option('--web', 'serve the kiosk to a browser on 127.0.0.1 instead of opening an Electron window')
    .option('--port <n>', 'web host port (default web.port from the config, 5390; 0 picks a free one)', parsePort)
    .option('--metrics-port <n>', 'port of /metrics and /health (default metrics.port, 9464; 0 picks a free one)', parsePort)
    .option('--config <file>', 'configuration file (YAML); without it the embedded default runs')
    .option('--dev', 'developer mode: devtools allowed')
    .action(async (flags: StartFlags) => {
      try {
        await start(flags);
      } catch (e) {
        // A start that cannot finish ends the process at once with the reason and an exit code
        // (75 worth trying again: a damaged file moved aside, a held file or port; 74 I/O refused;
        // 78 a config or data file a restart cannot fix, which the units do not restart;
        // 2 other refusals), so nothing half-started hangs on.
        console.error(isOpenBranchError(e) ? `openbranch: ${e.message} [${e.code}]` : e);
        process.exit(startupExitCode(e) ?? (isOpenBranchError(e) ? 2 : 70));
      }
    });
}

async function start(flags: StartFlags): Promise<void> {
  const loaded = loadConfig(flags.config ?? process.env.OPENBRANCH_CONFIG);
  const { file } = loaded;
  const config =
    flags.metricsPort === undefined ? loaded.config : { ...loaded.config, metrics: { ...loaded.config.metrics, port: flags.metricsPort } };
  if (!flags.web && process.versions.electron === undefined && electronAvailable()) {
    process.exitCode = await launchElectron(process.argv.slice(2));
    return;
  }
  // The branch's time zone is the kiosk's local time: its schedule, SIP2 dates and due dates are read off
  // Date's local clock, which costs far less memory all day than Intl's date formatting (shared/time/wall-clock.ts).
  process.env.TZ = config.branch.timezone;
  const paths = kioskPaths({ dataDir: config.dataDir, logDir: config.logging.dir });
  // Patron data at rest is the kiosk user's alone: what this process creates is 0600, its folders 0700.
  if (process.platform !== 'win32') process.umask(0o077);
  const inElectron = process.versions.electron !== undefined && !flags.web;

  // What can refuse the start is checked first, before the URL is printed and before anything
  // connects: the web port (bound now, so a taken port stops the start at once), then the data
  // file (read, written, checked; even before the log files: a full disk fails here, named).
  // The logger keeps its lines in memory until its file worker starts, once the screen is up.
  const logging = createLogger({ level: config.logging.level, dir: paths.logs, console: false, deferFiles: true });
  const { logger } = logging;
  // The start screen is served from here on; what a page sends waits in the hub until the kiosk is built.
  const startScreen = startingScreen(config, logger);
  const hub = BridgeHub.whileStarting(startScreen, logger.child({ subsystem: 'bridge' }));
  const port = flags.port ?? config.web.port;
  const web = inElectron
    ? undefined
    : await listenOrExplain(port, flags.port === undefined ? 'web.port' : '--port', hub, config.demo, logger);
  const { DATA_FILE, openDataFile, setAsideFiles } = await import('../../storage/data-file.ts');
  const { ensurePrivateDir } = await import('../../storage/private-files.ts');
  const db = openDataFile(join(paths.data, DATA_FILE));
  ensurePrivateDir(paths.logs);

  // The URL goes out before the kiosk core is loaded: the browser fetches the page meanwhile,
  // and its bridge connection is served as soon as the core is there.
  if (web) console.log(`OpenBranch kiosk: ${web.url}`);
  logger.info({ config: file ?? 'embedded default', logs: paths.logs }, 'starting');
  for (const aside of setAsideFiles(paths.data)) {
    logger.warn({ file: aside }, 'a damaged data file was set aside; it holds the transactions it had');
    console.warn(`warning: a damaged data file was set aside and kept: ${aside}`);
  }
  if (file)
    for (const f of warnAboutConfigPermissions(file, logger))
      console.warn(`warning: ${f.file} is mode ${f.mode} (${f.code}); fix: ${f.fix}`);

  // A page opened at once is sent its files and its start screen before the core is built (which keeps this
  // thread busy for a few hundred ms): it draws first; without a page the build starts soon anyway.
  if (web) await Promise.race([hub.firstViewSent.then(() => delay(DRAW_MS)), delay(PAGE_FIRST_MS, undefined, { ref: false })]);
  // The core's build waits for it where it connects (connectCentral).
  const demoCentral = startDemoCentral(config, inElectron, logger);

  // From here on a fault nobody catches switches the lock off and ends the process (exit 70) for systemd to restart it.
  let running: RunningKiosk | undefined;
  const fatal = exitOnFatal({ logger, failSafe: async () => running?.failSafe(), flush: () => logging.close() });
  const [{ startKiosk }, { technicianPinVerifier }] = await Promise.all([
    import('../../app/start-kiosk.ts'),
    import('../../app/technician-access.ts'),
  ]);
  // The PIN check (scrypt of the demo PIN in the embedded default) is prepared in the background.
  const verifier = technicianPinVerifier(config, file);
  const kiosk = await startKiosk({
    config,
    logger,
    db,
    dataDir: paths.data,
    logDir: paths.logs,
    ...(file ? { configFile: file } : {}),
    verifyTechnicianPin: async (pin) => (await verifier)(pin),
    onFatal: (reason) => fatal.fatal(reason),
    hub,
    ...(demoCentral ? { demoCentral } : {}),
  });
  running = kiosk;
  startScreen.dispose();
  // The log files open a moment after a page has its first view (pino-roll takes ~100 ms of CPU to load, which
  // the attract screen need not wait for), or after a few seconds if no page comes; lines are kept until then.
  const logFilesOpen = Promise.race([
    kiosk.hub.firstViewSent.then(() => delay(LOG_FILES_AFTER_VIEW_MS)),
    delay(LOG_FILES_LATEST_MS, undefined, { ref: false }),
  ]).then(() => {
    logging.startFiles();
    return logging.flush();
  });
  if (inElectron) {
    // Loaded only inside Electron's own process: tests and the web host never import electron.
    const { startElectronHost } = await import('../../hosts/electron/index.ts');
    await startElectronHost({ core: kiosk.core, hub: kiosk.hub, logger, dev: flags.dev ?? false, rendererDir });
    return;
  }
  const demo = kiosk.central.demo;
  if (demo) console.log(`Demo central system: sip2 ${demo.host}:${demo.port} oai ${demo.oai?.url ?? '-'}`);
  if (kiosk.metricsUrl) console.log(`OpenBranch metrics: ${kiosk.metricsUrl}/metrics`);
  if (kiosk.staffApiUrl) console.log(`OpenBranch staff API: ${kiosk.staffApiUrl}`);
  // Said once the files are there (the kiosk's own lines up to now written in them).
  void logFilesOpen.then(() =>
    console.log(`Logs: ${paths.logs}${file ? '' : '  (embedded default: demo central system, simulated devices)'}`),
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  fatal.dispose();
  await web?.close();
  await kiosk.stop();
  logger.info('stopped');
  await logging.close();
}

/**
 * The embedded default's demo central system, in a process of its own (the first harvest's memory stays out
 * of the kiosk). It is started as the core's build starts, not before: a second Node starting up while the
 * page loads would take a core from the browser drawing the start screen. Electron's main process
 * has no Node to fork (its RunAsNode fuse is off): there it runs in the kiosk's process, as in tests.
 */
function startDemoCentral(config: KioskConfig, inElectron: boolean, logger: Logger): Promise<DemoCentral> | undefined {
  const c = config.central;
  if (c.kind !== 'demo' || inElectron) return undefined;
  const options = { port: c.port, httpPort: c.httpPort, latencyMs: c.latencyMs, timeZone: config.branch.timezone };
  const started = startDemoAcsProcess(demoAcsChild, options, logger.child({ subsystem: 'demo-central' }));
  // A port it cannot bind is reported where the kiosk connects to it; until then nothing is unhandled.
  started.catch(() => {});
  return started;
}

/** Binds the web host's port, or stops the start with a message that names the port and where it was set. */
async function listenOrExplain(port: number, setBy: 'web.port' | '--port', hub: BridgeHub, demo: boolean, logger: Logger) {
  const { startWebHost } = await import('../../hosts/web/server.ts');
  try {
    // The simulator panel exists only in demo mode; elsewhere /simulator is 404.
    return await startWebHost({ hub, rendererDir, port, logger, simulatorPanel: demo });
  } catch (e) {
    if (!isOpenBranchError(e) || e.code !== 'config.port') throw e;
    const why =
      e.details?.errno === 'EADDRINUSE' ? 'is already in use (another kiosk, or another program)' : `cannot be used (${e.details?.errno})`;
    throw new OpenBranchError(
      'config.port',
      `port ${port} on 127.0.0.1 ${why}; set another with ${setBy === '--port' ? '--port' : 'web.port in the config (or --port)'}`,
      { port, errno: e.details?.errno },
    );
  }
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: "${value}" is not a port number (0-65535)`);
  return port;
}
