import { OpenBranchError } from '../../../shared/errors.ts';
import { BitReader, BitWriter } from './bits.ts';

/**
 * ISO 28560-2's own compaction for ISIL (owner library, ILL institution):
 * three code tables with latch/shift, starting in upper case. Tables as in
 * the standard's annex (the same tables appear in public Finnish decoders):
 *   upper (5 bit): '-' A..Z ':'  + latch-lower 28, shift-lower 29, latch-num 30, shift-num 31
 *   lower (5 bit): '-' a..z '/'  + latch-upper 28, shift-upper 29, latch-num 30, shift-num 31
 *   numeric (4 bit): 0..9 '-' ':' + latch-upper 12, shift-upper 13, latch-lower 14, shift-lower 15
 * The last byte is padded with one-bits: a truncated latch/shift, never a character.
 */
type Mode = 'upper' | 'lower' | 'numeric';

const UPPER = '-ABCDEFGHIJKLMNOPQRSTUVWXYZ:';
const LOWER = '-abcdefghijklmnopqrstuvwxyz/';
const NUMERIC = '0123456789-:';
const TABLE: Record<Mode, string> = { upper: UPPER, lower: LOWER, numeric: NUMERIC };
const WIDTH: Record<Mode, number> = { upper: 5, lower: 5, numeric: 4 };

/** Switch codes: [latch, shift] from `from` to `to`. */
function switchCodes(from: Mode, to: Mode): [number, number] {
  if (from === 'numeric') return to === 'upper' ? [12, 13] : [14, 15];
  if (to === 'numeric') return [30, 31];
  return [28, 29];
}

const fail = (message: string, details: Record<string, unknown> = {}) => new OpenBranchError('codec.iso28560-2.isil', message, details);

function modeFor(ch: string, preferred: Mode): Mode | undefined {
  if (TABLE[preferred].includes(ch)) return preferred;
  return (['numeric', 'upper', 'lower'] as const).find((m) => TABLE[m].includes(ch));
}

export function encodeIsil(isil: string): Uint8Array {
  if (isil.length === 0 || isil.length > 16) throw fail('ISIL must have 1..16 characters', { length: isil.length });
  const w = new BitWriter();
  let mode: Mode = 'upper';
  for (let i = 0; i < isil.length; i++) {
    const ch = isil[i]!;
    const target = modeFor(ch, mode);
    if (!target) throw fail('character not allowed in an ISIL', { char: ch });
    if (target !== mode) {
      const next = isil[i + 1];
      const [latch, shift] = switchCodes(mode, target);
      // Latch when the next character stays in the new table; shift for a single one.
      const stay = next !== undefined && TABLE[target].includes(next) && !TABLE[mode].includes(next);
      w.write(stay ? latch : shift, WIDTH[mode]);
      w.write(TABLE[target].indexOf(ch), WIDTH[target]);
      if (stay) mode = target;
      continue;
    }
    w.write(TABLE[mode].indexOf(ch), WIDTH[mode]);
  }
  return w.bytes(1);
}

export function decodeIsil(data: Uint8Array): string {
  const r = new BitReader(data);
  let mode: Mode = 'upper';
  let shifted: Mode | undefined;
  let out = '';
  for (;;) {
    const current: Mode = shifted ?? mode;
    const width = WIDTH[current];
    if (r.remaining < width) break;
    const v = r.read(width);
    const table = TABLE[current];
    shifted = undefined;
    if (v < table.length) {
      out += table[v];
      continue;
    }
    const isLatch = current === 'numeric' ? v === 12 || v === 14 : v === 28 || v === 30;
    const to: Mode = current === 'numeric' ? (v <= 13 ? 'upper' : 'lower') : v >= 30 ? 'numeric' : current === 'upper' ? 'lower' : 'upper';
    if (isLatch) mode = to;
    else shifted = to;
  }
  if (out.length === 0) throw fail('empty ISIL');
  return out;
}
