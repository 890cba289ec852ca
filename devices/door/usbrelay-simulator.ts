import type { SimulatedHidDevice } from '../hid/simulated-bus.ts';
import type { HidDeviceInfo } from '../hid/transport.ts';
import { applyCommand, REPORT_LENGTH, USBRELAY_PID, USBRELAY_VID } from './codec/usbrelay.ts';

/**
 * A dcttech USBRelay board on the simulated HID bus: applies the command
 * feature reports to its relay bitmask and answers GET_REPORT with the
 * serial in bytes 0-4 and the mask in byte 7, as the V-USB firmware does.
 */
export class SimulatedUsbRelay implements SimulatedHidDevice {
  readonly info: HidDeviceInfo;
  mask = 0;
  /** Every feature report received, hex, in order. */
  readonly received: string[] = [];
  /** Test hook: a stuck relay ignores commands (for read-back failure tests). */
  stuck = false;

  constructor(
    readonly serial: string,
    path: string,
    readonly relayCount = 2,
  ) {
    this.info = {
      path,
      vendorId: USBRELAY_VID,
      productId: USBRELAY_PID,
      product: `USBRelay${relayCount}`,
      manufacturer: 'www.dcttech.com',
    };
  }

  attach(): void {}

  setFeature(data: Uint8Array): void {
    this.received.push(Buffer.from(data).toString('hex'));
    if (!this.stuck) this.mask = applyCommand(this.mask, data) & ((1 << this.relayCount) - 1);
  }

  getFeature(_reportId: number, length: number): Uint8Array {
    const body = new Uint8Array(REPORT_LENGTH);
    for (let i = 0; i < 5; i++) body[i] = this.serial.charCodeAt(i) || 0;
    body[7] = this.mask;
    return body.subarray(0, Math.min(length, REPORT_LENGTH));
  }

  isOn(relay: number): boolean {
    return (this.mask & (1 << (relay - 1))) !== 0;
  }
}
