import { OpenBranchError } from '../../shared/errors.ts';
import { Emitter } from '../../shared/events.ts';
import type { HidBinding, HidDeviceInfo, HidHandle } from './transport.ts';

/**
 * A simulated HID device: answers feature reports and produces input reports
 * exactly as the hardware would (bytes, not method calls), so drivers run
 * unchanged against it.
 */
export interface SimulatedHidDevice {
  readonly info: HidDeviceInfo;
  /** Host -> device SET_REPORT(feature); `data[0]` is the report id. */
  setFeature(data: Uint8Array): void;
  /** Host -> device GET_REPORT(feature). */
  getFeature(reportId: number, length: number): Uint8Array;
  /** Host -> device output report. */
  output?(data: Uint8Array): void;
  /** The bus calls this so the device can push input reports. */
  attach(send: (report: Uint8Array) => void): void;
}

/**
 * The in-process HID bus used in tests and the embedded default: plug and
 * unplug devices at will; open handles of an unplugged device fail the way
 * hidapi's do (an error event, then every call rejects).
 */
export class SimulatedHidBus implements HidBinding {
  private readonly plugged = new Map<string, SimulatedHidDevice>();
  private readonly handles = new Map<string, Set<Emitter<{ data: Uint8Array; error: Error }>>>();

  plug(device: SimulatedHidDevice): void {
    this.plugged.set(device.info.path, device);
    device.attach((report) => {
      for (const h of this.handles.get(device.info.path) ?? []) h.emit('data', Uint8Array.from(report));
    });
  }

  unplug(path: string): void {
    this.plugged.delete(path);
    const open = this.handles.get(path) ?? new Set();
    this.handles.delete(path);
    for (const h of open) h.emit('error', new Error('could not read from HID device'));
  }

  async devices(): Promise<HidDeviceInfo[]> {
    return [...this.plugged.values()].map((d) => d.info);
  }

  async open(path: string): Promise<HidHandle> {
    const device = this.plugged.get(path);
    if (!device) throw new OpenBranchError('device.missing', `no HID device at ${path}`, { path });
    const events = new Emitter<{ data: Uint8Array; error: Error }>();
    const set = this.handles.get(path) ?? new Set();
    set.add(events);
    this.handles.set(path, set);
    const alive = (): SimulatedHidDevice => {
      const d = this.plugged.get(path);
      if (d !== device || !set.has(events)) throw new OpenBranchError('device.missing', `HID device ${path} is gone`, { path });
      return d;
    };
    return {
      sendFeatureReport: async (data) => alive().setFeature(Uint8Array.from(data)),
      getFeatureReport: async (id, length) => Uint8Array.from(alive().getFeature(id, length)),
      write: async (data) => alive().output?.(Uint8Array.from(data)),
      onData: (l) => events.on('data', l),
      onError: (l) => events.on('error', l),
      close: async () => {
        set.delete(events);
        events.clear();
      },
    };
  }
}
