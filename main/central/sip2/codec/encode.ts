import { OpenBranchError } from '../../../../shared/errors.ts';
import { checksumValue, hexDigit } from './checksum.ts';
import type { SipMessage } from './message.ts';
import { MESSAGES } from './spec.ts';
import { encodeTextWithRoom, type Sip2Encoding } from './text.ts';

export interface EncodeOptions {
  readonly encoding?: Sip2Encoding;
  /** When set, AY<sequence>AZ<checksum> is appended (error detection on). */
  readonly sequence?: number;
  readonly terminator?: '\r' | '\r\n';
  /** Profile escape for '|' inside values (Koha: "&#124;"); without it a '|' in a value is refused. */
  readonly pipeEscape?: string;
}

const invalid = (reason: string, details: Record<string, unknown>) =>
  new OpenBranchError('sip2.encode', `cannot encode SIP2 message: ${reason}`, details);

const CR = 0x0d;
const LF = 0x0a;
const PIPE = 0x7c;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isAlnum = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isCode = (s: string) => s.length === 2 && isDigit(s.charCodeAt(0)) && isDigit(s.charCodeAt(1));
const isFieldId = (s: string) => s.length === 2 && isAlnum(s.charCodeAt(0)) && isAlnum(s.charCodeAt(1));

function fixedPart(msg: SipMessage): string {
  const spec = MESSAGES.get(msg.code);
  if (!spec) return msg.fixed.raw ?? '';
  let out = '';
  for (const f of spec.fixed) {
    const v = msg.fixed[f.name];
    if (v === undefined || v.length !== f.width) {
      throw invalid(`fixed field ${f.name} of ${msg.code} must be ${f.width} characters`, { code: msg.code, field: f.name });
    }
    out += v;
  }
  return out;
}

function fieldValue(id: string, value: string, pipeEscape: string | undefined): string {
  let pipe = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === CR || c === LF) throw invalid('a field value contains a line break', { field: id });
    if (c === PIPE) pipe = true;
  }
  if (!pipe) return value;
  if (pipeEscape === undefined) throw invalid("a field value contains '|'", { field: id });
  return value.replaceAll('|', pipeEscape);
}

/** Encodes a message to the exact bytes sent on the wire, terminator included. */
export function encodeMessage(msg: SipMessage, options: EncodeOptions = {}): Uint8Array {
  if (!isCode(msg.code)) throw invalid('command code must be two digits', { code: msg.code });
  const encoding = options.encoding ?? 'utf-8';
  const terminator = options.terminator ?? '\r';
  let text = msg.code + fixedPart(msg);
  for (const f of msg.fields) {
    if (!isFieldId(f.id)) throw invalid('field id must be two characters', { field: f.id });
    text += `${f.id}${fieldValue(f.id, f.value, options.pipeEscape)}|`;
  }
  const detect = options.sequence !== undefined;
  if (detect) text += `AY${options.sequence % 10}AZ`;
  // One array: the text's bytes, then (error detection on) the checksum over them, then the terminator.
  const room = (detect ? 4 : 0) + terminator.length;
  const out = encodeTextWithRoom(text, encoding, room);
  let at = out.length - room;
  if (detect) {
    const sum = checksumValue(out, at);
    out[at++] = hexDigit(sum >> 12);
    out[at++] = hexDigit(sum >> 8);
    out[at++] = hexDigit(sum >> 4);
    out[at++] = hexDigit(sum);
  }
  out[at++] = CR;
  if (terminator === '\r\n') out[at] = LF;
  return out;
}
