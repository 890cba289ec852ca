/**
 * Serial barcode/card readers send the number and a terminator (CR, LF or
 * CRLF as programmed). `LineFramer` splits the byte stream into lines across
 * arbitrary chunks; `checkCardNumber` applies the reader's options.
 */
export type Terminator = 'cr' | 'lf' | 'crlf' | 'any';

export class LineFramer {
  private buffer = '';

  constructor(
    private readonly terminator: Terminator = 'any',
    private readonly maxLength = 256,
  ) {}

  push(chunk: Uint8Array): { lines: string[]; discarded: number } {
    // Readers send ASCII; latin1 maps bytes 1:1 so noise cannot throw.
    this.buffer += Array.from(chunk, (b) => String.fromCharCode(b)).join('');
    const lines: string[] = [];
    const splitter = { cr: /\r/, lf: /\n/, crlf: /\r\n/, any: /\r\n|\r|\n/ }[this.terminator];
    for (;;) {
      const m = splitter.exec(this.buffer);
      if (!m) break;
      lines.push(this.buffer.slice(0, m.index));
      this.buffer = this.buffer.slice(m.index + m[0].length);
    }
    let discarded = 0;
    if (this.buffer.length > this.maxLength) {
      discarded = this.buffer.length;
      this.buffer = '';
    }
    // CRLF split across chunks in `any` mode yields an empty line: not a read.
    return { lines: lines.filter((l) => l.length > 0), discarded };
  }
}

export interface CardNumberRules {
  readonly stripPrefix: string;
  readonly stripSuffix: string;
  readonly minLength: number;
  readonly maxLength: number;
  readonly checkDigit: 'none' | 'luhn';
}

export type CardCheck =
  | { readonly ok: true; readonly number: string }
  | { readonly ok: false; readonly reason: 'card.length' | 'card.check-digit' | 'card.charset' };

/** Luhn / mod 10 (ISO/IEC 7812-1 annex B): true when the last digit checks the rest. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function checkCardNumber(raw: string, rules: CardNumberRules): CardCheck {
  let n = raw.trim();
  if (rules.stripPrefix && n.startsWith(rules.stripPrefix)) n = n.slice(rules.stripPrefix.length);
  if (rules.stripSuffix && n.endsWith(rules.stripSuffix)) n = n.slice(0, n.length - rules.stripSuffix.length);
  if (!/^[\x21-\x7e]+$/.test(n)) return { ok: false, reason: 'card.charset' };
  if (n.length < rules.minLength || n.length > rules.maxLength) return { ok: false, reason: 'card.length' };
  if (rules.checkDigit === 'luhn' && !luhnValid(n)) return { ok: false, reason: 'card.check-digit' };
  return { ok: true, number: n };
}
