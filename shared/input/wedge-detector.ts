/**
 * Keyboard-wedge card readers can only type: they send the card number as
 * keystrokes, fast and evenly, then Enter. This pure detector tells that burst
 * from a person typing: every gap between keys must be below `maxGapMs` and
 * the number must be at least `minLength` long. The renderer feeds it keydown
 * events; nothing here touches the DOM.
 */
export interface WedgeOptions {
  /** Longest gap between two keys of one card read (readers: 5–30 ms; people: 80 ms and up). */
  readonly maxGapMs: number;
  readonly minLength: number;
  readonly maxLength: number;
  /** Which characters a card number may contain. */
  readonly allowed: RegExp;
}

export const defaultWedgeOptions: WedgeOptions = {
  maxGapMs: 40,
  minLength: 4,
  maxLength: 32,
  allowed: /^[0-9A-Za-z-]$/,
};

export type WedgeResult =
  /** A complete card read: the caller should swallow the keystrokes. */
  | { readonly type: 'card'; readonly number: string }
  /** Keys so far still look like a reader burst. */
  | { readonly type: 'pending' }
  /** Not a reader (too slow, too short, a key no card has): let the keystrokes through. */
  | { readonly type: 'ignored' };

export class WedgeDetector {
  private buffer = '';
  private lastAt = Number.NEGATIVE_INFINITY;
  private readonly options: WedgeOptions;

  constructor(options: Partial<WedgeOptions> = {}) {
    this.options = { ...defaultWedgeOptions, ...options };
  }

  /** `key` is KeyboardEvent.key; `at` a timestamp in milliseconds (event.timeStamp). */
  feed(key: string, at: number): WedgeResult {
    const gap = at - this.lastAt;
    this.lastAt = at;
    const { maxGapMs, minLength, maxLength, allowed } = this.options;
    if (key === 'Enter') {
      const number = this.buffer;
      const inBurst = gap <= maxGapMs;
      this.reset();
      return inBurst && number.length >= minLength ? { type: 'card', number } : { type: 'ignored' };
    }
    if (!allowed.test(key)) {
      this.reset();
      return { type: 'ignored' };
    }
    // A slow key starts a new candidate burst: a person typing never builds one up.
    if (gap > maxGapMs) this.buffer = '';
    this.buffer += key;
    if (this.buffer.length > maxLength) {
      this.reset();
      return { type: 'ignored' };
    }
    return { type: 'pending' };
  }

  reset(): void {
    this.buffer = '';
  }
}
