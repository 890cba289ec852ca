import type { Command } from 'commander';
import { isOpenBranchError, OpenBranchError } from '../../../shared/errors.ts';
import type { Logger } from '../../../shared/logger.ts';
import { electronAvailable, launchElectron } from '../../app/electron-launcher.ts';
import { rendererDir } from '../../app/install-paths.ts';
import { loadConfig } from '../../config/load.ts';
import { kioskPaths } from '../../config/paths.ts';
import type { BridgeHub } from '../../hub/bridge-hub.ts';
import { createLogger } from '../../logging/logger.ts';
import { warnAboutConfigPermissions } from '../../security/config-permissions.ts';

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
      const loaded = loadConfig(flags.config ?? process.env.OPENBRANCH_CONFIG);
      const { file } = loaded;
      const config =
        flags.metricsPort === undefined
          ? loaded.config
          : { ...loaded.config, metrics: { ...loaded.config.metrics, port: flags.metricsPort } };
      if (!flags.web && process.versions.electron === undefined && electronAvailable()) {
        process.exitCode = await launchElectron(process.argv.slice(2));
        return;
      }
      const paths = kioskPaths({ dataDir: config.dataDir, logDir: config.logging.dir });
      // The log files' worker starts once the screen is up; lines logged before are kept.
      const logging = createLogger({ level: config.logging.level, dir: paths.logs, console: false, deferFiles: true });
      const { logger } = logging;
      logger.info({ config: file ?? 'embedded default', logs: paths.logs }, 'starting');
      if (file)
        for (const f of warnAboutConfigPermissions(file, logger))
          console.warn(`warning: ${f.file} is mode ${f.mode} (${f.code}); fix: ${f.fix}`);
      const inElectron = process.versions.electron !== undefined && !flags.web;

      // The web host listens first, so a taken port stops the start at once, and the URL is
      // printed before the kiosk core is loaded: the browser fetches the page meanwhile, and
      // its bridge connection is served as soon as the core is there.
      let hubReady: (hub: BridgeHub) => void = () => {};
      const hub = new Promise<BridgeHub>((resolve) => {
        hubReady = resolve;
      });
      const port = flags.port ?? config.web.port;
      const web = inElectron ? undefined : await listenOrExplain(port, flags.port === undefined ? 'web.port' : '--port', hub, logger);
      if (web) console.log(`OpenBranch kiosk: ${web.url}`);

      const { startKiosk } = await import('../../app/start-kiosk.ts');
      const { technicianPinVerifier } = await import('../../app/technician-access.ts');
      // The PIN check (scrypt of the demo PIN in the embedded default) is prepared in the background.
      const verifier = technicianPinVerifier(config, file);
      const kiosk = await startKiosk({
        config,
        logger,
        dataDir: paths.data,
        logDir: paths.logs,
        ...(file ? { configFile: file } : {}),
        verifyTechnicianPin: async (pin) => (await verifier)(pin),
      }).catch(async (e: unknown) => {
        await web?.close();
        await logging.close();
        throw e;
      });
      hubReady(kiosk.hub);
      logging.startFiles();
      if (inElectron) {
        // Loaded only inside Electron's own process: tests and the web host never import electron.
        const { startElectronHost } = await import('../../hosts/electron/index.ts');
        await startElectronHost({ core: kiosk.core, hub: kiosk.hub, logger, dev: flags.dev ?? false, rendererDir });
        return;
      }
      console.log(`Logs: ${paths.logs}${file ? '' : '  (embedded default: demo central system, simulated devices)'}`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await web?.close();
      await kiosk.stop();
      logger.info('stopped');
      await logging.close();
    });
}

/** Binds the web host's port, or stops the start with a message that names the port and where it was set. */
async function listenOrExplain(port: number, setBy: 'web.port' | '--port', hub: Promise<BridgeHub>, logger: Logger) {
  const { startWebHost } = await import('../../hosts/web/server.ts');
  try {
    return await startWebHost({ hub, rendererDir, port, logger });
  } catch (e) {
    if (!isOpenBranchError(e) || e.code !== 'config.port') throw e;
    const why =
      e.details?.errno === 'EADDRINUSE' ? 'is already in use (another kiosk, or another program)' : `cannot be used (${e.details?.errno})`;
    throw new OpenBranchError(
      'config.port',
      `port ${port} on 127.0.0.1 ${why}; set another with ${setBy === '--port' ? '--port' : 'web.port in the config (or --port)'}`,
      { port },
    );
  }
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: "${value}" is not a port number (0-65535)`);
  return port;
}
