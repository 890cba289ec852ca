import { OpenBranchError } from '../../../../shared/errors.ts';
import { checksum } from './checksum.ts';
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

interface Trailer {
  bodyEnd: number;
  sequence?: number;
  checksum?: string;
  checksumEnd?: number;
}

const NO_TRAILER = (end: number): Trailer => ({ bodyEnd: end });

/** Finds "AY<n>AZ<hhhh>" (or a bare "AZ<hhhh>") at the end of the message, optionally followed by '|'. */
function findTrailer(b: Uint8Array, end: number): Trailer {
  let e = end;
  if (e > 0 && b[e - 1] === PIPE) e--;
  const az = e - 6;
  if (az < 2 || b[az] !== 0x41 || b[az + 1] !== 0x5a) return NO_TRAILER(end);
  for (let i = az + 2; i < e; i++) if (!isHex(b[i]!)) return NO_TRAILER(end);
  const sum = String.fromCharCode(b[az + 2]!, b[az + 3]!, b[az + 4]!, b[az + 5]!).toUpperCase();
  const ay = az - 3;
  if (ay >= 2 && b[ay] === 0x41 && b[ay + 1] === 0x59 && isDigit(b[ay + 2]!)) {
    return { bodyEnd: ay, sequence: b[ay + 2]! - 0x30, checksum: sum, checksumEnd: az + 2 };
  }
  return { bodyEnd: az, checksum: sum, checksumEnd: az + 2 };
}

/** The trailer's bytes as text: ASCII by construction (AY, a digit, AZ, hex, '|'). */
function asciiText(b: Uint8Array, from: number): string {
  let out = '';
  for (let i = from; i < b.length; i++) out += String.fromCharCode(b[i]!);
  return out;
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
  const b = bytes.subarray(start, end);
  if (b.length < 2) throw malformed('too short', { length: b.length });
  if (!isDigit(b[0]!) || !isDigit(b[1]!)) throw malformed('command code is not two digits');

  const code = String.fromCharCode(b[0]!, b[1]!);
  const spec = MESSAGES.get(code);
  const fixedWidth = FIXED_WIDTH.get(code) ?? 0;
  let trailer = findTrailer(b, b.length);
  if (trailer.bodyEnd < 2 + fixedWidth) trailer = NO_TRAILER(b.length);

  const text = decodeText(b.subarray(0, trailer.bodyEnd), encoding);
  // Fixed fields are ASCII by the spec; count them on the decoded text so a
  // multi-byte character later in the message cannot shift them.
  if (text.length < 2 + fixedWidth) {
    throw malformed(`fixed part of ${code} needs ${fixedWidth} characters`, { code, length: text.length - 2 });
  }
  const fixed: Record<string, string> = {};
  let pos = 2;
  for (const f of spec?.fixed ?? []) {
    fixed[f.name] = text.slice(pos, pos + f.width);
    pos += f.width;
  }
  const fields: SipField[] = [];
  const pipeEscape = options.pipeEscape;
  for (const part of text.slice(pos).split('|')) {
    if (part.length === 0) continue;
    if (part.length < 2) throw malformed('field without a two-character id', { code, part });
    const raw = part.slice(2);
    fields.push({ id: part.slice(0, 2), value: pipeEscape ? raw.replaceAll(pipeEscape, '|') : raw });
  }

  // The whole text is the body's (decoded once) and the trailer's ASCII.
  const whole = trailer.bodyEnd === b.length ? text : text + asciiText(b, trailer.bodyEnd);
  const name = spec?.name ?? 'Unknown';
  if (trailer.checksum === undefined) {
    return trailer.sequence === undefined
      ? { code, name, fixed, fields, text: whole }
      : { code, name, fixed, fields, text: whole, sequence: trailer.sequence };
  }
  const expected = checksum(b, trailer.checksumEnd);
  const checked = { checksum: trailer.checksum, checksumValid: expected === trailer.checksum, expectedChecksum: expected };
  return trailer.sequence === undefined
    ? { code, name, fixed, fields, text: whole, ...checked }
    : { code, name, fixed, fields, text: whole, sequence: trailer.sequence, ...checked };
}
