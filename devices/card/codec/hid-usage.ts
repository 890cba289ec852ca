/**
 * USB HID Usage Tables 1.12, section 10 "Keyboard/Keypad Page (0x07)": usage
 * id -> the character a US layout produces, unshifted and shifted. Decoding
 * here, not in the OS, is what keeps a Swedish host layout from turning the
 * reader's `-` (usage 0x2D) into `+`.
 */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '1234567890';
const DIGITS_SHIFTED = '!@#$%^&*()';

const table = new Map<number, readonly [string, string]>();
for (let i = 0; i < 26; i++) table.set(0x04 + i, [LETTERS[i]!, LETTERS[i]!.toUpperCase()]);
for (let i = 0; i < 10; i++) table.set(0x1e + i, [DIGITS[i]!, DIGITS_SHIFTED[i]!]);
const punctuation: [number, string, string][] = [
  [0x2c, ' ', ' '],
  [0x2d, '-', '_'],
  [0x2e, '=', '+'],
  [0x2f, '[', '{'],
  [0x30, ']', '}'],
  [0x31, '\\', '|'],
  [0x33, ';', ':'],
  [0x34, "'", '"'],
  [0x35, '`', '~'],
  [0x36, ',', '<'],
  [0x37, '.', '>'],
  [0x38, '/', '?'],
  // Keypad (0x54-0x63): some readers type on the numeric keypad.
  [0x54, '/', '/'],
  [0x55, '*', '*'],
  [0x56, '-', '-'],
  [0x57, '+', '+'],
  [0x62, '0', '0'],
  [0x63, '.', '.'],
];
for (const [id, plain, shifted] of punctuation) table.set(id, [plain, shifted]);
for (let i = 0; i < 9; i++) table.set(0x59 + i, [DIGITS[i]!, DIGITS[i]!]);

export const USAGE_ENTER = 0x28;
export const USAGE_KEYPAD_ENTER = 0x58;
export const USAGE_TAB = 0x2b;
/** Reported in every key slot when too many keys are down ("ErrorRollOver"). */
export const USAGE_ROLLOVER = 0x01;

/** Left/right shift bits of the modifier byte (HID 1.11 appendix B.1). */
export const LEFT_SHIFT = 0x02;
export const SHIFT_MASK = LEFT_SHIFT | 0x20;

export function usageToChar(usage: number, shifted: boolean): string | undefined {
  const entry = table.get(usage);
  return entry === undefined ? undefined : entry[shifted ? 1 : 0];
}

/** The usage id and shift state that type `ch` on a US layout (for simulators). */
export function charToUsage(ch: string): { usage: number; shift: boolean } | undefined {
  for (const [usage, [plain, shifted]] of table) {
    if (usage >= 0x54) continue;
    if (plain === ch) return { usage, shift: false };
    if (shifted === ch) return { usage, shift: true };
  }
  return undefined;
}
