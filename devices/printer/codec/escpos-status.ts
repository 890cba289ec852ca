import type { PaperState } from '../../../shared/devices/printer.ts';

/**
 * Real-time status: DLE EOT 4 asks for the roll paper sensor status; the
 * printer answers one byte (Epson ESC/POS reference, "DLE EOT"): bits 1 and
 * 4 always 1, bits 0 and 7 always 0; bits 2-3 set = paper near end; bits 5-6
 * set = paper end (out).
 */
export const PAPER_STATUS_QUERY = Uint8Array.of(0x10, 0x04, 0x04);

const FIXED_MASK = 0x93;
const FIXED_VALUE = 0x12;

export function decodePaperStatus(byte: number): PaperState {
  if ((byte & FIXED_MASK) !== FIXED_VALUE) return 'unknown';
  if (byte & 0x60) return 'out';
  if (byte & 0x0c) return 'near-end';
  return 'ok';
}

export function encodePaperStatus(state: PaperState): number {
  if (state === 'out') return FIXED_VALUE | 0x60 | 0x0c;
  if (state === 'near-end') return FIXED_VALUE | 0x0c;
  return FIXED_VALUE;
}
