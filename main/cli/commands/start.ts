import type { Command } from 'commander';
import { electronAvailable, launchElectron } from '../../app/electron-launcher.ts';
import { exitOnFatal } from '../../app/fatal.ts';
import { defaultRendererDir, type RunningKiosk, startKiosk } from '../../app/start-kiosk.ts';
import { technicianPinVerifier } from '../../app/technician-access.ts';
import { loadConfig } from '../../config/load.ts';
import { kioskPaths } from '../../config/paths.ts';
import { createLogger } from '../../logging/logger.ts';
import { warnAboutConfigPermissions } from '../../security/config-permissions.ts';

interface StartFlags {
  readonly web?: boolean;
  readonly port?: number;
  readonly config?: string;
  readonly dev?: boolean;
}

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('start the kiosk (Electron when available and --web is not given, else the web host)')
    .option('--web', 'serve the kiosk to a browser on 127.0.0.1 instead of opening an Electron window')
    .option('--port <n>', 'web host port (default from config, 5390; 0 picks a free one)', parsePort)
    .option('--config <file>', 'configuration file (YAML); without it the embedded default runs')
    .option('--dev', 'developer mode: devtools allowed')
    .action(async (flags: StartFlags) => {
      const { config, file } = loadConfig(flags.config ?? process.env.OPENBRANCH_CONFIG);
      if (!flags.web && process.versions.electron === undefined && electronAvailable()) {
        process.exitCode = await launchElectron(process.argv.slice(2));
        return;
      }
      const paths = kioskPaths({ dataDir: config.dataDir, logDir: config.logging.dir });
      const { logger, flush } = createLogger({ level: config.logging.level, dir: paths.logs, console: false });
      logger.info({ config: file ?? 'embedded default', logs: paths.logs }, 'starting');
      if (file)
        for (const f of warnAboutConfigPermissions(file, logger))
          console.warn(`warning: ${f.file} is mode ${f.mode} (${f.code}); fix: ${f.fix}`);
      const inElectron = process.versions.electron !== undefined && !flags.web;
      // From here on a fault nobody catches switches the lock off and ends the process (exit 70) for systemd to restart it.
      let running: RunningKiosk | undefined;
      const fatal = exitOnFatal({ logger, failSafe: async () => running?.failSafe(), flush });
      const kiosk = await startKiosk({
        config,
        logger,
        dataDir: paths.data,
        logDir: paths.logs,
        ...(file ? { configFile: file } : {}),
        ...(inElectron ? {} : { web: { port: flags.port ?? config.web.port } }),
        verifyTechnicianPin: await technicianPinVerifier(config, file),
        onFatal: (reason) => fatal.fatal(reason),
      });
      running = kiosk;
      if (inElectron) {
        // Loaded only inside Electron's own process: tests and the web host never import electron.
        const { startElectronHost } = await import('../../hosts/electron/index.ts');
        await startElectronHost({ core: kiosk.core, hub: kiosk.hub, logger, dev: flags.dev ?? false, rendererDir: defaultRendererDir });
        return;
      }
      console.log(`OpenBranch kiosk: ${kiosk.web?.url}`);
      console.log(`Logs: ${paths.logs}${file ? '' : '  (embedded default: demo central system, simulated devices)'}`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      fatal.dispose();
      await kiosk.stop();
      logger.info('stopped');
      await flush();
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: "${value}" is not a port number (0-65535)`);
  return port;
}
