import { OpenBranchError } from '../../../../shared/errors.ts';
import { checksum, checksumValue } from './checksum.ts';
import type { DecodedMessage, SipField } from './message.ts';
import { FIXED_WIDTH, MESSAGES } from './spec.ts';
import { decodeText, type Sip2Encoding } from './text.ts';

export interface DecodeOptions {
  readonly encoding?: Sip2Encoding;
  /** Profile escape for '|' inside values (Koha: "&#124;"); undone after splitting. */
  readonly pipeEscape?: string;
}

const CR = 0x0d;
const LF = 0x0a;
const PIPE = 0x7c;
const isHex = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
const isDigit = (b: number) => b >= 0x30 && b <= 0x39;

const malformed = (reason: string, details: Record<string, unknown> = {}) =>
  new OpenBranchError('sip2.malformed', `malformed SIP2 message: ${reason}`, details);

/** Where the body ends, and the AY sequence and AZ checksum after it, when present. */
interface Trailer {
  readonly bodyEnd: number;
  readonly sequence: number | undefined;
  /** The four hex digits as sent (upper-cased), or undefined without AZ. */
  readonly checksum: string | undefined;
  /** Their value, compared with the sum of the bytes up to and including "AZ". */
  readonly checksumValue: number;
  readonly checksumEnd: number;
}

const noTrailer = (end: number): Trailer => ({ bodyEnd: end, sequence: undefined, checksum: undefined, checksumValue: 0, checksumEnd: 0 });

const hexValue = (b: number): number => (b <= 0x39 ? b - 0x30 : (b | 0x20) - 0x57);
const upperHex = (b: number): number => (b >= 0x61 ? b - 0x20 : b);

/** Finds "AY<n>AZ<hhhh>" (or a bare "AZ<hhhh>") at the end of the message, optionally followed by '|'. */
function findTrailer(b: Uint8Array, end: number): Trailer {
  let e = end;
  if (e > 0 && b[e - 1] === PIPE) e--;
  const az = e - 6;
  if (az < 2 || b[az] !== 0x41 || b[az + 1] !== 0x5a) return noTrailer(end);
  let value = 0;
  for (let i = az + 2; i < e; i++) {
    if (!isHex(b[i]!)) return noTrailer(end);
    value = (value << 4) | hexValue(b[i]!);
  }
  const sum = String.fromCharCode(upperHex(b[az + 2]!), upperHex(b[az + 3]!), upperHex(b[az + 4]!), upperHex(b[az + 5]!));
  const ay = az - 3;
  const hasAy = ay >= 2 && b[ay] === 0x41 && b[ay + 1] === 0x59 && isDigit(b[ay + 2]!);
  return {
    bodyEnd: hasAy ? ay : az,
    sequence: hasAy ? b[ay + 2]! - 0x30 : undefined,
    checksum: sum,
    checksumValue: value,
    checksumEnd: az + 2,
  };
}

/** The fields after the fixed part: "ID<value>|" each; repeated and unknown ids are kept. */
function splitFields(text: string, from: number, code: string, pipeEscape: string | undefined): SipField[] {
  const fields: SipField[] = [];
  const n = text.length;
  while (from < n) {
    let bar = text.indexOf('|', from);
    if (bar < 0) bar = n;
    if (bar - from === 1) throw malformed('field without a two-character id', { code, part: text.slice(from, bar) });
    if (bar > from) {
      const raw = text.slice(from + 2, bar);
      const value = pipeEscape && raw.includes(pipeEscape) ? raw.replaceAll(pipeEscape, '|') : raw;
      fields.push({ id: text.slice(from, from + 2), value });
    }
    from = bar + 1;
  }
  return fields;
}

/**
 * Decodes one SIP2 message (terminator optional, a leading LF tolerated).
 * Never throws anything but an OpenBranchError('sip2.malformed'); a wrong
 * checksum is reported in `checksumValid`, the caller decides.
 */
export function decodeMessage(bytes: Uint8Array, options: DecodeOptions = {}): DecodedMessage {
  const encoding = options.encoding ?? 'utf-8';
  let start = 0;
  let end = bytes.length;
  while (start < end && (bytes[start] === LF || bytes[start] === CR)) start++;
  while (end > start && (bytes[end - 1] === CR || bytes[end - 1] === LF)) end--;
  const b = start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end);
  if (b.length < 2) throw malformed('too short', { length: b.length });
  if (!isDigit(b[0]!) || !isDigit(b[1]!)) throw malformed('command code is not two digits');

  const code = String.fromCharCode(b[0]!, b[1]!);
  const spec = MESSAGES.get(code);
  const fixedWidth = FIXED_WIDTH.get(code) ?? 0;
  let trailer = findTrailer(b, b.length);
  if (trailer.bodyEnd < 2 + fixedWidth) trailer = noTrailer(b.length);

  // Decoded once, trailer and all; the trailer is ASCII (one character a byte), so the body is a prefix.
  const whole = decodeText(b, encoding);
  const text = trailer.bodyEnd === b.length ? whole : whole.slice(0, whole.length - (b.length - trailer.bodyEnd));
  // Fixed fields are ASCII by the spec; count them on the decoded text so a
  // multi-byte character later in the message cannot shift them.
  if (text.length < 2 + fixedWidth) {
    throw malformed(`fixed part of ${code} needs ${fixedWidth} characters`, { code, length: text.length - 2 });
  }
  const fixed: Record<string, string> = {};
  let pos = 2;
  if (spec) {
    for (const f of spec.fixed) {
      fixed[f.name] = text.slice(pos, pos + f.width);
      pos += f.width;
    }
  }
  const fields = splitFields(text, pos, code, options.pipeEscape);

  const name = spec?.name ?? 'Unknown';
  const sent = trailer.checksum;
  if (sent === undefined) {
    return trailer.sequence === undefined
      ? { code, name, fixed, fields, text: whole }
      : { code, name, fixed, fields, text: whole, sequence: trailer.sequence };
  }
  const value = checksumValue(b, trailer.checksumEnd);
  const checksumValid = value === trailer.checksumValue;
  // Valid: the digits as sent are the expected ones (upper-cased), no need to format them again.
  const expectedChecksum = checksumValid ? sent : checksum(b, trailer.checksumEnd);
  return trailer.sequence === undefined
    ? { code, name, fixed, fields, text: whole, checksum: sent, checksumValid, expectedChecksum }
    : { code, name, fixed, fields, text: whole, sequence: trailer.sequence, checksum: sent, checksumValid, expectedChecksum };
}
