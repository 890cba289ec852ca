import { OpenBranchError } from '../../../../shared/errors.ts';
import { checksum } from './checksum.ts';
import type { SipMessage } from './message.ts';
import { MESSAGES } from './spec.ts';
import { encodeText, type Sip2Encoding } from './text.ts';

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

const FIELD_ID = /^[A-Z0-9]{2}$/i;
const LINE_BREAK = /[\r\n]/;
const CODE = /^\d\d$/;

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
  if (LINE_BREAK.test(value)) throw invalid('a field value contains a line break', { field: id });
  if (!value.includes('|')) return value;
  if (pipeEscape === undefined) throw invalid("a field value contains '|'", { field: id });
  return value.replaceAll('|', pipeEscape);
}

/** Encodes a message to the exact bytes sent on the wire, terminator included. */
export function encodeMessage(msg: SipMessage, options: EncodeOptions = {}): Uint8Array {
  if (!CODE.test(msg.code)) throw invalid('command code must be two digits', { code: msg.code });
  const encoding = options.encoding ?? 'utf-8';
  const terminator = options.terminator ?? '\r';
  let text = msg.code + fixedPart(msg);
  for (const f of msg.fields) {
    if (!FIELD_ID.test(f.id)) throw invalid('field id must be two characters', { field: f.id });
    text += `${f.id}${fieldValue(f.id, f.value, options.pipeEscape)}|`;
  }
  if (options.sequence === undefined) return encodeText(text + terminator, encoding);
  // The checksum covers the encoded bytes up to "AZ"; its four ASCII digits and the terminator follow in place.
  const body = encodeText(`${text}AY${options.sequence % 10}AZ`, encoding);
  const tail = checksum(body) + terminator;
  const out = new Uint8Array(body.length + tail.length);
  out.set(body);
  for (let i = 0; i < tail.length; i++) out[body.length + i] = tail.charCodeAt(i);
  return out;
}
