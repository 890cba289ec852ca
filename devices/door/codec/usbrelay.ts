/**
 * dcttech "USBRelay<n>" HID boards (V-USB firmware, 16C0:05DF). Commands are
 * 8-byte feature reports after report id 0: FF n = relay n on, FD n = relay
 * n off, FE = all on, FC = all off. GET_REPORT(feature) returns 8 bytes: the
 * board's 5-character serial in bytes 0-4 and the relay bitmask in byte 7
 * (bit 0 = relay 1). Sources: darrylb123/usbrelay (libusbrelay.c:
 * `relay_boards[i].state = buf[7]`, serial from buf[0..4]) and the V-USB
 * "usbrelay-cmd" tool (CMD_ON 0xff, CMD_ALL_ON 0xfe, CMD_OFF 0xfd,
 * CMD_ALL_OFF 0xfc, READ_OFFSET 7).
 */
export const USBRELAY_VID = 0x16c0;
export const USBRELAY_PID = 0x05df;
export const CMD_ON = 0xff;
export const CMD_OFF = 0xfd;
export const CMD_ALL_ON = 0xfe;
export const CMD_ALL_OFF = 0xfc;
export const REPORT_LENGTH = 8;

/** The feature report to send, report id first (9 bytes, as hidapi wants it). */
export function encodeRelay(relay: number, on: boolean): Uint8Array {
  if (!Number.isInteger(relay) || relay < 1 || relay > 8) throw new RangeError(`USBRelay relay ${relay} out of range`);
  return Uint8Array.of(0x00, on ? CMD_ON : CMD_OFF, relay, 0, 0, 0, 0, 0, 0);
}

export function encodeAll(on: boolean): Uint8Array {
  return Uint8Array.of(0x00, on ? CMD_ALL_ON : CMD_ALL_OFF, 0, 0, 0, 0, 0, 0, 0);
}

export interface UsbRelayState {
  readonly serial: string;
  /** Bit n-1 set = relay n on. */
  readonly mask: number;
}

/** Decodes a GET_REPORT(feature) answer; a report id byte in front (9 bytes) is skipped. */
export function decodeState(report: Uint8Array): UsbRelayState | undefined {
  const body = report.length > REPORT_LENGTH ? report.subarray(report.length - REPORT_LENGTH) : report;
  if (body.length < REPORT_LENGTH) return undefined;
  const serial = String.fromCharCode(...body.subarray(0, 5)).replace(/\0+$/, '');
  return { serial, mask: body[7]! };
}

export function isRelayOn(state: UsbRelayState, relay: number): boolean {
  return (state.mask & (1 << (relay - 1))) !== 0;
}

/** What a board does with a command report (used by the simulator and by tests). */
export function applyCommand(mask: number, report: Uint8Array): number {
  const body = report[0] === 0x00 && report.length > REPORT_LENGTH ? report.subarray(1) : report;
  const [cmd, relay] = [body[0], body[1] ?? 0];
  const bit = relay >= 1 && relay <= 8 ? 1 << (relay - 1) : 0;
  if (cmd === CMD_ON) return mask | bit;
  if (cmd === CMD_OFF) return mask & ~bit;
  if (cmd === CMD_ALL_ON) return 0xff;
  if (cmd === CMD_ALL_OFF) return 0x00;
  return mask;
}
