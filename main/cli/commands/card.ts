import type { Command } from 'commander';
import { HidCardReader } from '../../../devices/card/hid-card-reader.ts';
import { SerialCardReader } from '../../../devices/card/serial-card-reader.ts';
import { nodeHidBinding } from '../../../devices/hid/node-hid-binding.ts';
import { hidCardReaderSchema, serialCardReaderSchema } from '../../../shared/config/devices/card.ts';
import type { CardReader } from '../../../shared/devices/card.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import type { Logger } from '../../../shared/logger.ts';

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
      const reader = readerFor(o);
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

function readerFor(o: CardOptions): CardReader {
  const parse = <T>(
    r: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
  ): T => {
    if (r.success) return r.data;
    throw new OpenBranchError('cli.usage', r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  };
  if (o.driver === 'serial') {
    const config = parse(
      serialCardReaderSchema.safeParse({
        port: o.port,
        ...(o.baud ? { baudRate: o.baud } : {}),
        ...(o.suffix ? { suffix: o.suffix } : {}),
        ...(o.checkDigit ? { checkDigit: o.checkDigit } : {}),
      }),
    );
    return new SerialCardReader('card', config, stderrLogger);
  }
  if (o.driver === 'hid') {
    return new HidCardReader(
      'card',
      parse(hidCardReaderSchema.safeParse({ vendorId: o.vid, productId: o.pid })),
      nodeHidBinding(),
      stderrLogger,
    );
  }
  throw new OpenBranchError('cli.usage', `unknown driver ${o.driver} (serial | hid)`);
}
