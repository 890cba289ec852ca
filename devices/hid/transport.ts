import type { Unsubscribe } from '../../shared/events.ts';

/** What enumeration tells about a HID device (the subset of node-hid's Device we use). */
export interface HidDeviceInfo {
  readonly path: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly product?: string;
  readonly manufacturer?: string;
  readonly serialNumber?: string;
}

/**
 * An open HID device. Feature reports follow hidapi: the first byte sent is
 * the report id (0 for devices without numbered reports).
 */
export interface HidHandle {
  sendFeatureReport(data: Uint8Array): Promise<void>;
  getFeatureReport(reportId: number, length: number): Promise<Uint8Array>;
  write(data: Uint8Array): Promise<void>;
  /** Input reports as they arrive. */
  onData(listener: (report: Uint8Array) => void): Unsubscribe;
  /** The device went away (unplugged) or failed; the handle is dead after this. */
  onError(listener: (error: Error) => void): Unsubscribe;
  close(): Promise<void>;
}

/** The injectable HID access: node-hid on a real machine, a simulated bus in tests. */
export interface HidBinding {
  devices(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidHandle>;
}

/** First enumerated device matching the filter, or undefined. */
export async function findHid(
  binding: HidBinding,
  filter: { vendorId: number; productId: number; path?: string | undefined; serialNumber?: string | undefined },
): Promise<HidDeviceInfo | undefined> {
  const all = await binding.devices();
  return all.find(
    (d) =>
      d.vendorId === filter.vendorId &&
      d.productId === filter.productId &&
      (filter.path === undefined || d.path === filter.path) &&
      (filter.serialNumber === undefined || d.serialNumber === filter.serialNumber),
  );
}
