import type { SimulatedHidDevice } from '../hid/simulated-bus.ts';
import type { HidDeviceInfo } from '../hid/transport.ts';
import { charToUsage, LEFT_SHIFT, USAGE_ENTER } from './codec/hid-usage.ts';

/**
 * A keyboard-emulating card reader on the simulated HID bus: `type()` sends
 * the boot reports a real reader sends (key down, all keys up, per
 * character, then Enter).
 */
export class SimulatedHidKeyboard implements SimulatedHidDevice {
  private send: ((report: Uint8Array) => void) | undefined;

  constructor(readonly info: HidDeviceInfo) {}

  attach(send: (report: Uint8Array) => void): void {
    this.send = send;
  }

  setFeature(): void {}

  getFeature(_reportId: number, length: number): Uint8Array {
    return new Uint8Array(length);
  }

  /** The reports for `text` + Enter; exposed so tests can split or mangle them. */
  static reportsFor(text: string, reportId = false): Uint8Array[] {
    const reports: Uint8Array[] = [];
    const frame = (modifier: number, usage: number): Uint8Array => {
      const body = [modifier, 0, usage, 0, 0, 0, 0, 0];
      return Uint8Array.from(reportId ? [0, ...body] : body);
    };
    for (const ch of text) {
      const key = charToUsage(ch);
      if (!key) throw new RangeError(`no US key types ${JSON.stringify(ch)}`);
      reports.push(frame(key.shift ? LEFT_SHIFT : 0, key.usage), frame(0, 0));
    }
    reports.push(frame(0, USAGE_ENTER), frame(0, 0));
    return reports;
  }

  type(text: string, reportId = false): void {
    for (const r of SimulatedHidKeyboard.reportsFor(text, reportId)) this.send?.(r);
  }
}
