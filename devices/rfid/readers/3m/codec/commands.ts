import { OpenBranchError } from '../../../../../shared/errors.ts';
import { concat, toHex, uidBytes } from '../../../codec/bytes.ts';
import type { Exchange, InventoryEntry, ReaderProtocol } from '../../../codec/protocol.ts';
import { encodeThreeMFrame, type ThreeMFrame, ThreeMFrameParser } from './frame.ts';

/**
 * 3M / bibliotheca 810 pad commands (payload of a 0xD6 frame), as captured
 * in Biblio::RFID::Reader::3M810:
 *   inventory   FE 00 05            -> FE 00 00 05 N UID[8]*N
 *   read blocks 02 UID first count  -> 02 00 UID N (block# LE16, 4 bytes)*N
 *   write       04 UID first count 00 DATA -> 04 00 UID N
 *   read AFI    0A UID              -> 0A 00 UID AFI
 *   write AFI   09 UID AFI          -> 09 00 UID
 * A second byte of 0x06 is the pad's error answer. No EAS command is known.
 */
export const ThreeMCommand = { inventory: 0xfe, readBlocks: 0x02, writeBlocks: 0x04, writeAfi: 0x09, readAfi: 0x0a } as const;
export const HW_VERSION_PROBE = Uint8Array.of(0x04, 0x00, 0x11);

const bad = (message: string) => new OpenBranchError('codec.3m.response', message);

function exchange<T>(payload: Uint8Array, parse: (rest: Uint8Array) => T): Exchange<ThreeMFrame, T> {
  const command = payload[0]!;
  return {
    request: encodeThreeMFrame(payload),
    answers: (f) => f.start === 0xd6 && f.payload[0] === command,
    parse: (f) => {
      const status = f.payload[1];
      if (status === 0x06) throw new OpenBranchError('rfid.reader-status', 'pad answered with an error', { command });
      if (status !== 0x00) throw bad('unknown status');
      return parse(f.payload.subarray(2));
    },
  };
}

function parseInventory(rest: Uint8Array): InventoryEntry[] {
  // rest = 00 05 N UID*N
  const count = rest[2] ?? 0;
  if (rest[0] !== 0x00 || rest[1] !== 0x05 || rest.length < 3 + count * 8) throw bad('inventory shorter than its tag count');
  return Array.from({ length: count }, (_, i) => ({ uid: toHex(rest.subarray(3 + i * 8, 11 + i * 8)) }));
}

function parseBlocks(rest: Uint8Array, first: number, count: number): Uint8Array {
  const n = rest[8] ?? 0;
  if (n !== count || rest.length < 9 + n * 6) throw bad('block data does not match the request');
  const parts: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const at = 9 + i * 6;
    if ((rest[at]! | (rest[at + 1]! << 8)) !== first + i) throw bad('blocks out of order');
    parts.push(rest.subarray(at + 2, at + 6));
  }
  return concat(...parts);
}

export function threeMProtocol(): ReaderProtocol<ThreeMFrame> {
  const withUid = (command: number, uid: string, ...rest: number[]) => Uint8Array.from([command, ...uidBytes(uid), ...rest]);
  return {
    name: '3m',
    createParser: () => new ThreeMFrameParser(),
    inventory: () => exchange(Uint8Array.of(ThreeMCommand.inventory, 0x00, 0x05), (r) => ({ tags: parseInventory(r), more: false })),
    readBlocks: (uid, first, count) => exchange(withUid(ThreeMCommand.readBlocks, uid, first, count), (r) => parseBlocks(r, first, count)),
    writeBlocks: (uid, first, data) => {
      if (data.length === 0 || data.length % 4 !== 0) throw new OpenBranchError('codec.3m.request', 'data must be whole 4-byte blocks');
      return exchange(concat(withUid(ThreeMCommand.writeBlocks, uid, first, data.length / 4, 0x00), data), () => undefined);
    },
    readAfi: (uid) =>
      exchange(withUid(ThreeMCommand.readAfi, uid), (r) => {
        if (r.length < 9) throw bad('AFI answer too short');
        return r[8]!;
      }),
    writeAfi: (uid, afi) => exchange(withUid(ThreeMCommand.writeAfi, uid, afi), () => undefined),
  };
}
