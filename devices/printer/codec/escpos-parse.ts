import { decodeByte } from './codepages.ts';

/**
 * ESC/POS bytes back into what a printer would put on paper: text lines
 * with their style, barcodes, QR codes, cuts. Incremental (commands may
 * split across chunks) and tolerant: an unknown command is skipped and
 * counted, never thrown. Used by the simulators and by the tests.
 */
export type PrintItem =
  | {
      readonly type: 'text';
      readonly text: string;
      readonly bold: boolean;
      readonly width: number;
      readonly height: number;
      readonly align: 'left' | 'center' | 'right';
    }
  | { readonly type: 'barcode'; readonly system: number; readonly data: string }
  | { readonly type: 'qr'; readonly data: string }
  | { readonly type: 'cut' }
  | { readonly type: 'status-query'; readonly fn: number; readonly n: number }
  | { readonly type: 'discarded'; readonly bytes: number };

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const ALIGN = ['left', 'center', 'right'] as const;

/** Fixed argument counts of the commands we only need to skip or set. */
const ESC_ARGS: Record<number, number> = {
  33: 1,
  45: 1,
  50: 0,
  51: 1,
  64: 0,
  69: 1,
  71: 1,
  74: 1,
  77: 1,
  82: 1,
  97: 1,
  100: 1,
  116: 1,
  123: 1,
  112: 3,
  86: 1,
  32: 1,
  52: 1,
};
const GS_ARGS: Record<number, number> = { 33: 1, 66: 1, 72: 1, 102: 1, 104: 1, 119: 1, 76: 2, 87: 2, 114: 1, 97: 1, 98: 1 };
const FS_ARGS: Record<number, number> = { 46: 0, 38: 0, 67: 1 };

/** GS k data without its NUL within this many bytes is not a barcode (ESC/POS allows 255). */
const MAX_BARCODE = 255;

export class EscPosParser {
  /** Bytes at..end-1 are unparsed: at most one command split across chunks (the longest, GS ( k, is 65,540 bytes). */
  private data: Uint8Array = new Uint8Array(0);
  private at = 0;
  private end = 0;
  /** Whether `data` is our own buffer (else the caller's chunk, parsed in place). */
  private owned = false;
  private text = '';
  private bold = false;
  private width = 1;
  private height = 1;
  private align: (typeof ALIGN)[number] = 'left';
  private table = 0;
  private qrData = '';
  /** Style of the line being built: a printer prints each character in the style it was sent in. */
  private line = { bold: false, width: 1, height: 1 };

  /**
   * Parses a chunk by index: no argument spreads (a 200 KB chunk is fine), no splicing per command,
   * and a command that arrives a byte at a time is appended to a doubling buffer, not re-copied.
   */
  push(chunk: Uint8Array): PrintItem[] {
    this.append(chunk);
    const out: PrintItem[] = [];
    for (;;) {
      const used = this.step(out);
      if (used === 0) break;
      this.at += used;
    }
    if (this.at === this.end) this.data = new Uint8Array(0);
    else if (!this.owned) this.keep(this.end - this.at);
    return out;
  }

  private append(chunk: Uint8Array): void {
    if (this.at === this.end) {
      this.data = chunk;
      this.at = 0;
      this.end = chunk.length;
      this.owned = false;
      return;
    }
    if (!this.owned || this.end + chunk.length > this.data.length) this.keep(2 * (this.end - this.at + chunk.length));
    this.data.set(chunk, this.end);
    this.end += chunk.length;
  }

  /** Moves the unparsed bytes to the front of a buffer of our own. */
  private keep(capacity: number): void {
    const data = new Uint8Array(Math.max(capacity, 256));
    data.set(this.data.subarray(this.at, this.end));
    this.data = data;
    this.end -= this.at;
    this.at = 0;
    this.owned = true;
  }

  /** Byte `i` of the current command (undefined when it has not arrived yet). */
  private byte(i: number): number | undefined {
    return i < this.end - this.at ? this.data[this.at + i] : undefined;
  }

  private get available(): number {
    return this.end - this.at;
  }

  /** Consumes one byte or one command; 0 means "wait for more bytes". */
  private step(out: PrintItem[]): number {
    const b = this.byte(0);
    if (b === undefined) return 0;
    if (b === 0x0a) {
      this.flushLine(out);
      return 1;
    }
    if (b === 0x0d) return 1;
    if (b === DLE) return this.dle(out);
    if (b === ESC || b === GS || b === FS) return this.command(b, out);
    if (b < 0x20) return discard(out, 1);
    this.text += decodeByte(b, this.table);
    if (b !== 0x20) {
      this.line.bold ||= this.bold;
      this.line.width = Math.max(this.line.width, this.width);
      this.line.height = Math.max(this.line.height, this.height);
    }
    return 1;
  }

  private flushLine(out: PrintItem[]): void {
    const style = this.text.length > 0 ? this.line : { bold: this.bold, width: this.width, height: this.height };
    const { bold, width, height } = style;
    out.push({ type: 'text', text: this.text, bold, width, height, align: this.align });
    this.text = '';
    this.line = { bold: false, width: 1, height: 1 };
  }

  private dle(out: PrintItem[]): number {
    if (this.available < 3) return 0;
    out.push({ type: 'status-query', fn: this.byte(1)!, n: this.byte(2)! });
    return 3;
  }

  private command(prefix: number, out: PrintItem[]): number {
    const code = this.byte(1);
    if (code === undefined) return 0;
    if (prefix === GS && code === 0x6b) return this.barcode(out);
    if (prefix === GS && code === 0x28) return this.extended(out);
    if (prefix === GS && code === 0x56) return this.cut(out);
    const args = (prefix === ESC ? ESC_ARGS : prefix === GS ? GS_ARGS : FS_ARGS)[code];
    if (args === undefined) return discard(out, 2);
    if (this.available < 2 + args) return 0;
    this.apply(prefix, code, this.byte(2) ?? 0);
    return 2 + args;
  }
  private apply(prefix: number, code: number, n: number): void {
    if (prefix === ESC && code === 0x40) {
      this.bold = false;
      this.width = 1;
      this.height = 1;
      this.align = 'left';
      this.table = 0;
    } else if (prefix === ESC && code === 0x45) this.bold = (n & 1) === 1;
    else if (prefix === ESC && code === 0x74) this.table = n;
    else if (prefix === ESC && code === 0x61) this.align = ALIGN[n % 48] ?? 'left';
    else if (prefix === ESC && code === 0x21) {
      this.bold = (n & 0x08) !== 0;
      this.height = n & 0x10 ? 2 : 1;
      this.width = n & 0x20 ? 2 : 1;
    } else if (prefix === GS && code === 0x21) {
      this.width = (n >> 4) + 1;
      this.height = (n & 0x0f) + 1;
    }
  }

  /** GS k m: m 0-6 data NUL-terminated; m 65+ a length byte then data. */
  private barcode(out: PrintItem[]): number {
    const m = this.byte(2);
    if (m === undefined) return 0;
    let from = 3;
    let to: number;
    let used: number;
    if (m >= 65) {
      const n = this.byte(3);
      if (n === undefined || this.available < 4 + n) return 0;
      from = 4;
      to = 4 + n;
      used = to;
    } else {
      const nul = this.data.subarray(this.at + 3, Math.min(this.end, this.at + 4 + MAX_BARCODE)).indexOf(0);
      if (nul < 0) return this.available > 3 + MAX_BARCODE ? discard(out, 3) : 0;
      to = 3 + nul;
      used = to + 1;
    }
    let text = latin1(this.data.subarray(this.at + from, this.at + to));
    // CODE128 data starts with a code set selector ({A {B {C).
    if (m === 73 && /^\{[ABC]/.test(text)) text = text.slice(2);
    out.push({ type: 'barcode', system: m, data: text });
    return used;
  }

  /**
   * GS ( k pL pH cn fn ...: QR store (fn 80) and print (fn 81); other functions skipped.
   * QR byte mode is ISO-8859-1 by default (ISO/IEC 18004), so the data is read as latin1.
   */
  private extended(out: PrintItem[]): number {
    if (this.available < 5) return 0;
    const len = this.byte(3)! + this.byte(4)! * 256;
    if (this.available < 5 + len) return 0;
    const body = this.data.subarray(this.at + 5, this.at + 5 + len);
    if (this.byte(2) === 0x6b && body[0] === 49 && body[1] === 80) this.qrData = latin1(body.subarray(3));
    if (this.byte(2) === 0x6b && body[0] === 49 && body[1] === 81) out.push({ type: 'qr', data: this.qrData });
    return 5 + len;
  }

  /** GS V m (m 0, 1, 48, 49) or GS V m n (m 65, 66: feed n then cut). */
  private cut(out: PrintItem[]): number {
    const m = this.byte(2);
    if (m === undefined) return 0;
    const used = m >= 65 ? 4 : 3;
    if (this.available < used) return 0;
    if (this.text.length > 0) this.flushLine(out);
    out.push({ type: 'cut' });
    return used;
  }
}

/** Skipped bytes, counted; a run of them is one item (a flood of noise is not a flood of items). */
function discard(out: PrintItem[], bytes: number): number {
  const last = out.at(-1);
  if (last?.type === 'discarded') out[out.length - 1] = { type: 'discarded', bytes: last.bytes + bytes };
  else out.push({ type: 'discarded', bytes });
  return bytes;
}

/** ISO-8859-1, byte by byte (QR byte mode and barcode data); no argument spread, whatever the length. */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** The text lines of a print job, for previews and assertions. */
export function printedText(items: readonly PrintItem[]): string[] {
  return items.flatMap((i) => (i.type === 'text' ? [i.text] : []));
}
