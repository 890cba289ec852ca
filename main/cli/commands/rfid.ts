import type { Command } from 'commander';
import {
  createItemPad,
  type DecodedTag,
  decodeTagData,
  encodeIso28560Part2,
  encodeIso28560Part3,
  fromHex,
  type PadReader,
  toHex,
} from '../../../devices/rfid/index.ts';
import type { DeviceConfig } from '../../../shared/config/devices/index.ts';
import type { UsageType } from '../../../shared/devices/rfid.ts';
import { isOpenBranchError, OpenBranchError } from '../../../shared/errors.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { deviceRegistry } from '../../devices/drivers.ts';
import { deviceFromFlags } from './device-flags.ts';

/**
 * `openbranch rfid ...`: decode tag data, scan a pad, program a tag, flip its
 * security. Output is JSON (one object, or one line per tag for scan).
 * Exit codes: 0 done, 1 refused (bad data, not confirmed), 2 device or usage error.
 */
interface ReaderFlags {
  driver: string;
  port: string;
  baud?: number;
  parity?: string;
  address?: number;
  framing?: string;
}

const int = (v: string) => Number.parseInt(v, v.startsWith('0x') ? 16 : 10);
const print = (value: unknown) => console.log(JSON.stringify(value));

/** Readers on a serial port: every registered RFID driver but the simulated pad. */
const readerDrivers = () => deviceRegistry.driversOf('rfid').filter((d) => d !== 'simulated');

function withReaderOptions(cmd: Command): Command {
  return cmd
    .requiredOption('--driver <name>', readerDrivers().join(' | '))
    .requiredOption('--port <path>', 'serial port, e.g. /dev/ttyUSB0')
    .option('--baud <n>', 'baud rate (FEIG 38400, 3M 19200 by default)', int)
    .option('--parity <p>', 'even, odd or none (FEIG even, 3M none by default)')
    .option('--address <n>', 'FEIG bus address (default 255)', int)
    .option('--framing <f>', 'FEIG framing: standard or advanced');
}

/** The reader flags as an `rfid` device entry; the CLI asks explicitly, so the background poll is slowed right down. */
function deviceConfig(flags: ReaderFlags, extra: Record<string, unknown> = {}): DeviceConfig {
  const { driver, port, baud, parity, address, framing } = flags;
  return { id: 'cli', kind: 'rfid', driver, enabled: true, port, baud, parity, address, framing, pollIntervalMs: 10_000, ...extra };
}

async function withReader<T>(config: DeviceConfig, run: (reader: PadReader) => Promise<T>): Promise<T> {
  if (!readerDrivers().includes(config.driver)) throw new OpenBranchError('cli.usage', `--driver must be ${readerDrivers().join(' or ')}`);
  const { id: _id, kind: _kind, driver, enabled: _enabled, ...options } = config;
  const reader = await deviceFromFlags<PadReader>('rfid', driver, options);
  try {
    await reader.open();
    if (reader.status().state !== 'connected') throw new OpenBranchError('device.missing', reader.status().reason ?? 'reader not found');
    return await run(reader);
  } finally {
    await reader.close();
  }
}

/** JSON view of a decoded tag: binary optional blocks as hex, the CRC verdict on top. */
function tagJson(tag: DecodedTag) {
  if (tag.model === 'iso28560-3') {
    const { model, variant, crcValid, optionalBlocks, ...fields } = tag;
    return {
      model,
      variant,
      crcValid,
      fields: { ...fields, optionalBlocks: optionalBlocks.map((b) => ({ id: b.id, data: toHex(b.data) })) },
    };
  }
  const { model, variant, ...fields } = tag;
  return { model, variant, crcValid: null, fields };
}

const reasonOf = (e: unknown) =>
  isOpenBranchError(e) ? { reason: e.code, message: e.message } : { reason: 'unknown', message: String(e) };

export function registerRfid(program: Command): void {
  const rfid = program.command('rfid').description('RFID pads and library tags');

  rfid
    .command('decode <hex>')
    .description('decode tag memory (ISO 28560-3 or -2, auto-detected) and print it as JSON')
    .action((hex: string) => {
      try {
        print(tagJson(decodeTagData(fromHex(hex))));
      } catch (e) {
        if (!isOpenBranchError(e)) throw e;
        print({ ok: false, ...reasonOf(e) });
        process.exitCode = 1;
      }
    });

  withReaderOptions(rfid.command('scan').description('print every tag on the pad, decoded, as JSON lines')).action(
    async (flags: ReaderFlags) => {
      const config = deviceConfig(flags);
      await withReader(config, async (reader) => {
        const pad = createItemPad(reader, { logger: silentLogger });
        for (const seen of await reader.inventory()) {
          try {
            print({ ...seen, ...(await pad.readTag(seen.uid)) });
          } catch (e) {
            print({ ...seen, ...reasonOf(e) });
          }
        }
      });
    },
  );

  withReaderOptions(rfid.command('write').description('program a tag with library data'))
    .requiredOption('--uid <uid>', 'tag UID (16 hex digits)')
    .requiredOption('--item-id <id>', 'primary item id (barcode)')
    .option('--parts <n>', 'parts in the set', int, 1)
    .option('--part <n>', 'this part number', int, 1)
    .option('--isil <isil>', 'owner library ISIL')
    .option('--country <cc>', 'country code (ISO 28560-3)')
    .option('--usage <u>', 'item, patron-card, discarded, other', 'item')
    .option('--model <m>', 'iso28560-3 or iso28560-2', 'iso28560-3')
    .action(async (flags: ReaderFlags & Record<string, string | number | undefined>) => {
      const input = {
        itemId: String(flags.itemId),
        partsInSet: Number(flags.parts),
        partNumber: Number(flags.part),
        usage: flags.usage as UsageType,
        ...(flags.isil === undefined ? {} : { isil: String(flags.isil) }),
      };
      const raw =
        flags.model === 'iso28560-2'
          ? encodeIso28560Part2(input)
          : encodeIso28560Part3({ ...input, ...(flags.country === undefined ? {} : { country: String(flags.country) }) });
      const data = new Uint8Array(Math.ceil(raw.length / 4) * 4);
      data.set(raw);
      const uid = String(flags.uid).toUpperCase();
      await withReader(deviceConfig(flags), async (reader) => {
        await reader.writeBlocks(uid, 0, data);
        const back = await reader.readBlocks(uid, 0, data.length / 4);
        const same = back.every((b, i) => b === data[i]);
        print({ uid, written: data.length, confirmed: same, ...(same ? { tag: tagJson(decodeTagData(back)) } : {}) });
        if (!same) process.exitCode = 1;
      });
    });

  for (const [name, state] of [
    ['secure', 'secured'],
    ['release', 'released'],
  ] as const) {
    withReaderOptions(rfid.command(name).description(`${name} an item (AFI and/or EAS) and confirm by reading back`))
      .requiredOption('--uid <uid>', 'tag UID (16 hex digits)')
      .option('--security <s>', 'afi, eas or both', 'afi')
      .option('--afi-in-library <n>', 'AFI for "in library" (default 0x07)', int)
      .option('--afi-on-loan <n>', 'AFI for "on loan" (default 0xC2)', int)
      .action(async (flags: ReaderFlags & { uid: string; security: string; afiInLibrary?: number; afiOnLoan?: number }) => {
        const config = deviceConfig(flags, {
          security: flags.security,
          ...(flags.afiInLibrary === undefined ? {} : { afiInLibrary: flags.afiInLibrary }),
          ...(flags.afiOnLoan === undefined ? {} : { afiOnLoan: flags.afiOnLoan }),
        });
        await withReader(config, async (reader) => {
          const result = await createItemPad(reader, { logger: silentLogger }).setSecurity(flags.uid.toUpperCase(), state);
          print(result);
          if (!result.confirmed) process.exitCode = 1;
        });
      });
  }
}
