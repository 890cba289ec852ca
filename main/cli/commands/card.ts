import type { Command } from 'commander';
import type { CardReader } from '../../../shared/devices/card.ts';
import type { Logger } from '../../../shared/logger.ts';
import { deviceFromFlags } from './device-flags.ts';

interface CardOptions {
  driver: string;
  port?: string;
  baud?: number;
  suffix?: string;
  checkDigit?: string;
  vid?: string;
  pid?: string;
  count?: number;
  timeout?: number;
}

const int = (v: string) => Number.parseInt(v, 10);

/** Rejected reads go to stderr with their reason code, so a technician sees why a card was refused. */
const stderrLogger: Logger = {
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: (a: unknown, b?: string) => console.error(JSON.stringify({ warning: b ?? a, ...(typeof a === 'object' ? a : {}) })),
  error: (a: unknown, b?: string) => console.error(JSON.stringify({ error: b ?? a, ...(typeof a === 'object' ? a : {}) })),
  child: () => stderrLogger,
};

export function registerCard(program: Command): void {
  const card = program.command('card').description('patron card readers');
  card
    .command('read')
    .description('print every card read as a JSON line (exit 0 after --count reads, 1 on --timeout)')
    .requiredOption('--driver <driver>', 'serial | hid')
    .option('--port <path>', 'serial port of the reader')
    .option('--baud <n>', 'baud rate', int)
    .option('--suffix <s>', 'cr | lf | crlf | any')
    .option('--check-digit <c>', 'none | luhn')
    .option('--vid <hex>', 'USB vendor id of a HID reader, e.g. 0c27')
    .option('--pid <hex>', 'USB product id of a HID reader')
    .option('--count <n>', 'stop after this many reads', int)
    .option('--timeout <s>', 'give up after this many seconds', int)
    .action(async (o: CardOptions) => {
      const reader = await readerFor(o);
      let reads = 0;
      const done = new Promise<number>((resolve) => {
        reader.onCard((c) => {
          console.log(JSON.stringify(c));
          if (o.count !== undefined && ++reads >= o.count) resolve(0);
        });
        if (o.timeout !== undefined) setTimeout(() => resolve(1), o.timeout * 1000).unref();
        process.once('SIGINT', () => resolve(0));
      });
      await reader.open();
      console.error(JSON.stringify({ ready: reader.id, driver: reader.driver }));
      process.exitCode = await done;
      await reader.close();
    });
}

/** The card read flags as a device entry, built through the registry. */
function readerFor(o: CardOptions): Promise<CardReader> {
  return deviceFromFlags<CardReader>(
    'card-reader',
    o.driver,
    { port: o.port, baudRate: o.baud, suffix: o.suffix, checkDigit: o.checkDigit, vendorId: o.vid, productId: o.pid },
    stderrLogger,
  );
}
