import { OpenBranchError } from '../../../shared/errors.ts';

/** Hex helpers shared by codecs, drivers and the CLI. UIDs are upper-case hex, MSB first. */
export function toHex(bytes: Uint8Array, separator = ''): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(separator);
}

export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/[\s:]/g, '');
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) {
    throw new OpenBranchError('codec.hex', 'not an even-length hex string', { length: clean.length });
  }
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export { concat } from '../../../shared/bytes.ts';

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Reverses the byte order inside every `size`-byte group (readers that send each block LSB first). */
export function reverseEachBlock(data: Uint8Array, size = 4): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let start = 0; start < data.length; start += size) {
    const end = Math.min(start + size, data.length);
    for (let i = start; i < end; i++) out[i] = data[end - 1 - (i - start)]!;
  }
  return out;
}

/** The UID as 8 bytes; throws a typed error for anything else. */
export function uidBytes(uid: string): Uint8Array {
  const bytes = fromHex(uid);
  if (bytes.length !== 8) throw new OpenBranchError('codec.uid', 'an ISO 15693 UID has 8 bytes', { length: bytes.length });
  return bytes;
}
