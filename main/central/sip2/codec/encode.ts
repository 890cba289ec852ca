import { concat } from '../../../../shared/bytes.ts';
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
  if (/[\r\n]/.test(value)) throw invalid('a field value contains a line break', { field: id });
  if (!value.includes('|')) return value;
  if (pipeEscape === undefined) throw invalid("a field value contains '|'", { field: id });
  return value.replaceAll('|', pipeEscape);
}

/** Encodes a message to the exact bytes sent on the wire, terminator included. */
export function encodeMessage(msg: SipMessage, options: EncodeOptions = {}): Uint8Array {
  if (!/^\d\d$/.test(msg.code)) throw invalid('command code must be two digits', { code: msg.code });
  const encoding = options.encoding ?? 'utf-8';
  let text = msg.code + fixedPart(msg);
  for (const f of msg.fields) {
    if (!/^[A-Z0-9]{2}$/i.test(f.id)) throw invalid('field id must be two characters', { field: f.id });
    text += `${f.id}${fieldValue(f.id, f.value, options.pipeEscape)}|`;
  }
  const terminator = encodeText(options.terminator ?? '\r', 'ascii');
  if (options.sequence === undefined) return concat(encodeText(text, encoding), terminator);
  const body = encodeText(`${text}AY${options.sequence % 10}AZ`, encoding);
  return concat(body, encodeText(checksum(body), 'ascii'), terminator);
}
