import type { Command } from 'commander';
import { LcusBoard } from '../../../devices/door/lcus-board.ts';
import type { RelayBoard } from '../../../devices/door/relay-board.ts';
import { RelayLock } from '../../../devices/door/relay-lock.ts';
import { UsbRelayBoard } from '../../../devices/door/usbrelay-board.ts';
import { nodeHidBinding } from '../../../devices/hid/node-hid-binding.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { doorCommand } from './door-group.ts';

interface PulseOptions {
  driver: string;
  port?: string;
  relay: number;
  ms: number;
  serial?: string;
  baud: number;
  json?: boolean;
}

const int = (v: string) => Number.parseInt(v, 10);

/** `openbranch door pulse`: test the lock relay by hand; the relay is released first and on Ctrl-C. */
export function registerDoorPulse(program: Command): void {
  doorCommand(program)
    .command('pulse')
    .description('release the lock relay, then unlock for --ms milliseconds and lock again')
    .requiredOption('--driver <driver>', 'lcus | usbrelay')
    .option('--port <path>', 'serial port of an LCUS board, e.g. /dev/ttyUSB0')
    .option('--serial <serial>', 'USBRelay board serial (when several are plugged in)')
    .option('--relay <n>', 'relay channel, from 1', int, 1)
    .option('--ms <n>', 'how long to unlock', int, 3000)
    .option('--baud <n>', 'LCUS baud rate', int, 9600)
    .option('--json', 'print events as JSON lines')
    .action(async (o: PulseOptions) => {
      const say = (event: string, extra: Record<string, unknown> = {}) =>
        console.log(o.json ? JSON.stringify({ event, ...extra }) : `${event} ${Object.values(extra).join(' ')}`.trim());
      const lock = new RelayLock('door-lock', boardFor(o), o.relay, silentLogger, 60_000);
      const stop = () => {
        void lock.close().finally(() => process.exit(130));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        await lock.open();
        say('released', { relay: o.relay });
        say('unlocking', { ms: o.ms });
        await lock.pulse(o.ms);
        say('locked', { state: await lock.readState() });
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await lock.close();
      }
    });
}

function boardFor(o: PulseOptions): RelayBoard {
  if (o.driver === 'lcus') {
    if (!o.port) throw new OpenBranchError('cli.usage', '--port is required for --driver lcus');
    return new LcusBoard(o.port, o.baud);
  }
  if (o.driver === 'usbrelay') return new UsbRelayBoard(nodeHidBinding(), { serial: o.serial, path: o.port });
  throw new OpenBranchError('cli.usage', `unknown driver ${o.driver} (lcus | usbrelay)`);
}
