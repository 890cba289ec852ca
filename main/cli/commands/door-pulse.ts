import type { Command } from 'commander';
import type { DoorLock } from '../../../shared/devices/door.ts';
import { deviceFromFlags } from './device-flags.ts';
import { doorCommand } from './door-group.ts';

interface PulseOptions {
  driver: string;
  port?: string;
  relay: number;
  ms: number;
  serial?: string;
  baud?: number;
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
    .option('--baud <n>', 'LCUS baud rate (default 9600)', int)
    .option('--json', 'print events as JSON lines')
    .action(async (o: PulseOptions) => {
      const say = (event: string, extra: Record<string, unknown> = {}) =>
        console.log(o.json ? JSON.stringify({ event, ...extra }) : `${event} ${Object.values(extra).join(' ')}`.trim());
      const lock = await lockFor(o);
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

/**
 * The pulse flags as a door-lock entry, built through the registry: the
 * same driver, the same fail-secure lock and the same pulse cap
 * (`maxPulseMs`, 30 s) as the kiosk. A USBRelay board is picked by serial
 * or by its hidraw path (`--port`).
 */
function lockFor(o: PulseOptions): Promise<DoorLock> {
  const board = o.driver === 'usbrelay' ? { serial: o.serial, path: o.port } : { port: o.port, baudRate: o.baud, serial: o.serial };
  return deviceFromFlags<DoorLock>('door-lock', o.driver, { ...board, relay: o.relay });
}
