import { OpenBranchError } from '../../../../../shared/errors.ts';
import { concat, reverseEachBlock, toHex, uidBytes } from '../../../codec/bytes.ts';
import type { Exchange, InventoryEntry, ReaderProtocol } from '../../../codec/protocol.ts';
import { encodeFeigFrame, type FeigFrame, FeigFrameParser, type FeigFraming } from './frame.ts';
import { feigStatusError } from './status.ts';

/**
 * FEIG ISO-host commands for ISO 15693 tags ([0xB0] ISO standard host commands,
 * [0xB1] NXP custom commands for EAS). Addressed mode (MODE 0x01) with the UID
 * after it. FEIG readers transfer each data block with its bytes in reverse
 * order; this module turns them round so callers see tag memory order.
 */
export const FeigCommand = { isoHost: 0xb0, nxpCustom: 0xb1, softwareVersion: 0x65 } as const;
export const FeigIso = { inventory: 0x01, readMultiple: 0x23, writeMultiple: 0x24, writeAfi: 0x27, systemInfo: 0x2b } as const;
export const NxpEas = { manufacturer: 0x04, set: 0xa2, reset: 0xa3, alarm: 0xa5 } as const;
export const BLOCK_SIZE = 4;
const ADDRESSED = 0x01;
export const INVENTORY_MORE = 0x80;

export interface FeigOptions {
  readonly address: number;
  readonly framing: FeigFraming;
}

const bad = (message: string) => new OpenBranchError('codec.feig.response', message);

function exchange<T>(
  o: FeigOptions,
  command: number,
  data: Uint8Array,
  parse: (body: Uint8Array, status: number) => T,
  okStatuses = [0x00],
): Exchange<FeigFrame, T> {
  return {
    request: encodeFeigFrame({ framing: o.framing, address: o.address, command, data }),
    answers: (f) => f.command === command,
    parse: (f) => {
      const status = f.data[0];
      if (status === undefined) throw bad('response without status');
      if (!okStatuses.includes(status)) throw feigStatusError(status, status === 0x95 ? f.data[1] : undefined);
      return parse(f.data.subarray(1), status);
    },
  };
}

function parseInventory(body: Uint8Array): InventoryEntry[] {
  const count = body[0] ?? 0;
  if (body.length < 1 + count * 10) throw bad('inventory shorter than its data-set count');
  const out: InventoryEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = 1 + i * 10; // TR-TYPE, DSFID, UID[8]
    out.push({ dsfid: body[at + 1]!, uid: toHex(body.subarray(at + 2, at + 10)) });
  }
  return out;
}

function parseBlocks(body: Uint8Array, expected: number): Uint8Array {
  const count = body[0] ?? 0;
  const size = body[1] ?? 0;
  if (count !== expected || size === 0 || body.length < 2 + count * (size + 1)) throw bad('block data does not match the request');
  const parts: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const at = 2 + i * (size + 1) + 1; // skip the block security status byte
    parts.push(reverseEachBlock(body.subarray(at, at + size), size));
  }
  return concat(...parts);
}

export function feigProtocol(o: FeigOptions): ReaderProtocol<FeigFrame> {
  const iso = (sub: number, uid: string, ...rest: number[]) => Uint8Array.from([sub, ADDRESSED, ...uidBytes(uid), ...rest]);
  const eas = (cmd: number, uid: string) => Uint8Array.from([NxpEas.manufacturer, cmd, ADDRESSED, ...uidBytes(uid)]);
  return {
    name: 'feig',
    createParser: () => new FeigFrameParser(),
    // 0x01 "no transponder" is an empty pad; 0x94 "more data" carries a page and asks for MODE bit 7 (MORE).
    inventory: (more = false) =>
      exchange(
        o,
        FeigCommand.isoHost,
        Uint8Array.of(FeigIso.inventory, more ? INVENTORY_MORE : 0x00),
        (b, status) => ({ tags: b.length === 0 ? [] : parseInventory(b), more: status === 0x94 }),
        [0x00, 0x01, 0x94],
      ),
    readBlocks: (uid, first, count) =>
      exchange(o, FeigCommand.isoHost, iso(FeigIso.readMultiple, uid, first, count), (b) => parseBlocks(b, count)),
    writeBlocks: (uid, first, data) => {
      if (data.length === 0 || data.length % BLOCK_SIZE !== 0)
        throw new OpenBranchError('codec.feig.request', 'data must be whole 4-byte blocks');
      const body = reverseEachBlock(data, BLOCK_SIZE);
      return exchange(
        o,
        FeigCommand.isoHost,
        concat(iso(FeigIso.writeMultiple, uid, first, data.length / BLOCK_SIZE, BLOCK_SIZE), body),
        () => undefined,
      );
    },
    readAfi: (uid) =>
      exchange(o, FeigCommand.isoHost, iso(FeigIso.systemInfo, uid), (b) => {
        // DSFID, UID[8], AFI, MEM-SIZE[2], IC-REF
        if (b.length < 10) throw bad('system information too short');
        return b[9]!;
      }),
    writeAfi: (uid, afi) => exchange(o, FeigCommand.isoHost, iso(FeigIso.writeAfi, uid, afi), () => undefined),
    setEas: (uid, enabled) => exchange(o, FeigCommand.nxpCustom, eas(enabled ? NxpEas.set : NxpEas.reset, uid), () => undefined),
    // EAS alarm: the tag answers (status 0x00 + EAS sequence) only while EAS is set.
    readEas: (uid) => exchange(o, FeigCommand.nxpCustom, eas(NxpEas.alarm, uid), (b) => b.length > 0, [0x00, 0x01]),
  };
}
