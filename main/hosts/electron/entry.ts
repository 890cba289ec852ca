/**
 * The Electron main entry (package.json "main" -> dist/main/hosts/electron/entry.js).
 * The packaged binary is also the `openbranch` command on a kiosk: with its
 * RunAsNode fuse off there is no other Node to run the CLI with. So every
 * invocation goes through the same CLI: `openbranch status --json` prints and
 * exits without a window; no arguments, or `start ...`, runs the kiosk (the
 * start command sees process.versions.electron and opens the Electron host).
 */
import { app } from 'electron';
import { cliArgs, isLongRunning } from './entry-args.ts';
import { registerAppScheme } from './host.ts';

const args = cliArgs(process.argv, app.isPackaged);
if (isLongRunning(args)) registerAppScheme();
else app.disableHardwareAcceleration();

const { main } = await import('../../cli/index.ts');
const code = await main(['electron', 'openbranch', ...args]);
if (!isLongRunning(args) || code !== 0) app.exit(code);
