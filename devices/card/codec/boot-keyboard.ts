import { SHIFT_MASK, USAGE_ENTER, USAGE_KEYPAD_ENTER, USAGE_ROLLOVER, USAGE_TAB, usageToChar } from './hid-usage.ts';

/**
 * Incremental decoder of HID keyboard boot reports (HID 1.11 appendix B.1):
 * byte 0 modifiers, byte 1 reserved, bytes 2-7 the usage ids of keys down.
 * A key counts when it appears in a report and was not in the previous one,
 * so a held key or a repeated report does not type twice. Enter (or Tab,
 * which some readers send) ends a read.
 */
export type KeyboardFrame =
  | { readonly type: 'line'; readonly text: string }
  /** A report that is not a boot report, or a line past the length guard: skipped, not thrown. */
  | { readonly type: 'discarded'; readonly reason: string };

export interface BootKeyboardOptions {
  /** True when every input report starts with a report id byte (9 bytes instead of 8). */
  readonly reportId?: boolean;
  readonly maxLength?: number;
}

export class BootKeyboardDecoder {
  private previous = new Set<number>();
  private text = '';
  private readonly offset: number;
  private readonly maxLength: number;

  constructor(options: BootKeyboardOptions = {}) {
    this.offset = options.reportId ? 1 : 0;
    this.maxLength = options.maxLength ?? 64;
  }

  push(report: Uint8Array): KeyboardFrame[] {
    if (report.length < this.offset + 8) return [{ type: 'discarded', reason: `short report (${report.length} bytes)` }];
    const modifiers = report[this.offset]!;
    const keys = report.subarray(this.offset + 2, this.offset + 8);
    if (keys.includes(USAGE_ROLLOVER)) return [];
    const down = new Set<number>();
    const out: KeyboardFrame[] = [];
    for (const usage of keys) {
      if (usage === 0) continue;
      down.add(usage);
      if (this.previous.has(usage)) continue;
      const frame = this.key(usage, (modifiers & SHIFT_MASK) !== 0);
      if (frame) out.push(frame);
    }
    this.previous = down;
    return out;
  }

  private key(usage: number, shifted: boolean): KeyboardFrame | undefined {
    if (usage === USAGE_ENTER || usage === USAGE_KEYPAD_ENTER || usage === USAGE_TAB) {
      const text = this.text;
      this.text = '';
      return text.length > 0 ? { type: 'line', text } : undefined;
    }
    const ch = usageToChar(usage, shifted);
    if (ch === undefined) return undefined;
    this.text += ch;
    if (this.text.length > this.maxLength) {
      this.text = '';
      return { type: 'discarded', reason: 'line too long' };
    }
    return undefined;
  }
}
