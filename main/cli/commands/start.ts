import { join } from 'node:path';
import type { Command } from 'commander';
import { isOpenBranchError } from '../../../shared/errors.ts';
import { electronAvailable, launchElectron } from '../../app/electron-launcher.ts';
import { rendererDir } from '../../app/install-paths.ts';
import { startKiosk } from '../../app/start-kiosk.ts';
import { technicianPinVerifier } from '../../app/technician-access.ts';
import { loadConfig } from '../../config/load.ts';
import { kioskPaths } from '../../config/paths.ts';
import { createLogger } from '../../logging/logger.ts';
import { warnAboutConfigPermissions } from '../../security/config-permissions.ts';
import { DATA_FILE, openDataFile, setAsideFiles } from '../../storage/data-file.ts';
import { ensurePrivateDir } from '../../storage/private-files.ts';
import { startupExitCode } from '../../storage/storage-errors.ts';

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
      try {
        await start(flags);
      } catch (e) {
        // A start that cannot finish ends the process at once with the reason and a sysexits code
        // (78 config/data file unusable, 74 I/O refused), so systemd restarts it and nothing half-started hangs on.
        console.error(isOpenBranchError(e) ? `openbranch: ${e.message} [${e.code}]` : e);
        process.exit(startupExitCode(e) ?? (isOpenBranchError(e) ? 2 : 70));
      }
    });
}

async function start(flags: StartFlags): Promise<void> {
  const { config, file } = loadConfig(flags.config ?? process.env.OPENBRANCH_CONFIG);
  if (!flags.web && process.versions.electron === undefined && electronAvailable()) {
    process.exitCode = await launchElectron(process.argv.slice(2));
    return;
  }
  const paths = kioskPaths({ dataDir: config.dataDir, logDir: config.logging.dir });
  // Patron data at rest is the kiosk user's alone: what this process creates is 0600, its folders 0700.
  if (process.platform !== 'win32') process.umask(0o077);
  // The data file before anything else, even the log files (a full disk fails here, named, not in the logger's worker).
  const db = openDataFile(join(paths.data, DATA_FILE));
  ensurePrivateDir(paths.logs);
  const { logger, flush } = createLogger({ level: config.logging.level, dir: paths.logs, console: false });
  logger.info({ config: file ?? 'embedded default', logs: paths.logs }, 'starting');
  for (const aside of setAsideFiles(paths.data)) {
    logger.warn({ file: aside }, 'a damaged data file was set aside; it holds the transactions it had');
    console.warn(`warning: a damaged data file was set aside and kept: ${aside}`);
  }
  if (file)
    for (const f of warnAboutConfigPermissions(file, logger))
      console.warn(`warning: ${f.file} is mode ${f.mode} (${f.code}); fix: ${f.fix}`);
  const inElectron = process.versions.electron !== undefined && !flags.web;
  const kiosk = await startKiosk({
    config,
    logger,
    db,
    dataDir: paths.data,
    logDir: paths.logs,
    ...(file ? { configFile: file } : {}),
    ...(inElectron ? {} : { web: { port: flags.port ?? config.web.port } }),
    verifyTechnicianPin: await technicianPinVerifier(config, file),
  });
  if (inElectron) {
    // Loaded only inside Electron's own process: tests and the web host never import electron.
    const { startElectronHost } = await import('../../hosts/electron/index.ts');
    await startElectronHost({ core: kiosk.core, hub: kiosk.hub, logger, dev: flags.dev ?? false, rendererDir });
    return;
  }
  console.log(`OpenBranch kiosk: ${kiosk.web?.url}`);
  console.log(`Logs: ${paths.logs}${file ? '' : '  (embedded default: demo central system, simulated devices)'}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await kiosk.stop();
  logger.info('stopped');
  await flush();
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: "${value}" is not a port number (0-65535)`);
  return port;
}
