import { OpenBranchError } from '../../../shared/errors.ts';
import { BitReader, BitWriter } from './bits.ts';

/**
 * ISO/IEC 15962 compaction schemes as ISO 28560-2 uses them (3-bit code in
 * the precursor). Decoders are strict: anything not produced by the scheme
 * is a typed error, never a garbled string.
 */
export const Compaction = {
  application: 0,
  integer: 1,
  numeric: 2,
  fiveBit: 3,
  sixBit: 4,
  sevenBit: 5,
  octet: 6,
  utf8: 7,
} as const;
export type CompactionCode = (typeof Compaction)[keyof typeof Compaction];

const fail = (message: string, details: Record<string, unknown> = {}) =>
  new OpenBranchError('codec.iso28560-2.compaction', message, details);

const isDigits = (s: string) => /^[0-9]+$/.test(s);
/** 5-bit: 0x41..0x5F (A-Z [ \ ] ^ _); zero is left free so trailing pad bits never decode. */
const isFiveBit = (s: string) => /^[\x41-\x5f]+$/.test(s);
/** 6-bit: 0x20..0x5F without '@' (its code is all zeros, the pad pattern). */
const isSixBit = (s: string) => /^[\x20-\x3f\x41-\x5f]+$/.test(s);
const codesWithin = (s: string, low: number, high: number) => [...s].every((c) => c.charCodeAt(0) >= low && c.charCodeAt(0) <= high);
/** 7-bit and octet leave NUL out for the same reason: zero bits are the pad. */
const isSevenBit = (s: string) => s.length > 0 && codesWithin(s, 0x01, 0x7f);
const isOctet = (s: string) => s.length > 0 && codesWithin(s, 0x01, 0xff);

/** The smallest scheme that represents `value` exactly. */
export function chooseCompaction(value: string): CompactionCode {
  if (value.length === 0) return Compaction.octet;
  if (isDigits(value)) return value[0] !== '0' || value === '0' ? Compaction.integer : Compaction.numeric;
  if (isFiveBit(value)) return Compaction.fiveBit;
  if (isSixBit(value)) return Compaction.sixBit;
  if (isSevenBit(value)) return Compaction.sevenBit;
  if (isOctet(value)) return Compaction.octet;
  return Compaction.utf8;
}

function packChars(value: string, width: number, code: (c: number) => number): Uint8Array {
  const w = new BitWriter();
  for (const ch of value) w.write(code(ch.charCodeAt(0)), width);
  return w.bytes(0);
}

function unpackChars(data: Uint8Array, width: number, char: (v: number) => number): string {
  const r = new BitReader(data);
  let out = '';
  while (r.remaining >= width) {
    const before = r.remaining;
    const v = r.read(width);
    if (v === 0) {
      // Zero bits shorter than a byte at the very end are the pad.
      if (before < 8 && r.read(r.remaining) === 0) break;
      throw fail('zero code inside the data');
    }
    out += String.fromCharCode(char(v));
  }
  return out;
}

export function compact(value: string, scheme: CompactionCode): Uint8Array {
  switch (scheme) {
    case Compaction.integer: {
      if (!isDigits(value) || (value[0] === '0' && value !== '0')) throw fail('integer compaction needs digits without leading zero');
      let n = BigInt(value);
      const bytes: number[] = [];
      do {
        bytes.unshift(Number(n & 0xffn));
        n >>= 8n;
      } while (n > 0n);
      return Uint8Array.from(bytes);
    }
    case Compaction.numeric: {
      if (!isDigits(value)) throw fail('numeric compaction needs digits');
      const w = new BitWriter();
      for (const d of value) w.write(Number(d), 4);
      return w.bytes(1); // an odd count ends with the 0xF filler nibble
    }
    case Compaction.fiveBit:
      if (!isFiveBit(value)) throw fail('not in the 5-bit set');
      return packChars(value, 5, (c) => c & 0x1f);
    case Compaction.sixBit:
      if (!isSixBit(value)) throw fail('not in the 6-bit set');
      return packChars(value, 6, (c) => c & 0x3f);
    case Compaction.sevenBit:
      if (!isSevenBit(value)) throw fail('not in the 7-bit set');
      return packChars(value, 7, (c) => c);
    case Compaction.octet:
      if (!codesWithin(value, 0x00, 0xff)) throw fail('not in ISO 8859-1');
      return Uint8Array.from(value, (c) => c.charCodeAt(0));
    case Compaction.utf8:
      return new TextEncoder().encode(value);
    default:
      throw fail('application-defined data is encoded by its data element', { scheme });
  }
}

export function decompact(data: Uint8Array, scheme: number): string {
  switch (scheme) {
    case Compaction.integer: {
      if (data.length === 0) throw fail('empty integer');
      let n = 0n;
      for (const b of data) n = (n << 8n) | BigInt(b);
      return n.toString();
    }
    case Compaction.numeric: {
      let out = '';
      const last = data.length * 2 - 1;
      for (let j = 0; j <= last; j++) {
        const nibble = j % 2 === 0 ? data[j >> 1]! >> 4 : data[j >> 1]! & 0x0f;
        if (nibble <= 9) out += String(nibble);
        else if (!(nibble === 0x0f && j === last && out.length > 0)) throw fail('bad digit nibble', { nibble });
      }
      if (out.length === 0) throw fail('empty numeric');
      return out;
    }
    case Compaction.fiveBit:
      return unpackChars(data, 5, (v) => 0x40 | v);
    case Compaction.sixBit:
      return unpackChars(data, 6, (v) => (v < 0x20 ? 0x40 | v : v));
    case Compaction.sevenBit:
      return unpackChars(data, 7, (v) => v);
    case Compaction.octet:
      return String.fromCharCode(...data);
    case Compaction.utf8:
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(data);
      } catch (e) {
        throw new OpenBranchError('codec.iso28560-2.compaction', 'invalid UTF-8', {}, { cause: e });
      }
    default:
      throw fail('unknown compaction scheme', { scheme });
  }
}
