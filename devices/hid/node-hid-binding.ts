import { Emitter } from '../../shared/events.ts';
import type { HidBinding, HidDeviceInfo, HidHandle } from './transport.ts';

type NodeHid = typeof import('node-hid');

/**
 * The real HID access through node-hid (hidapi). Loaded lazily so that
 * machines without libusb/libudev can still run everything simulated.
 */
export function nodeHidBinding(): HidBinding {
  let lib: Promise<NodeHid> | undefined;
  const load = (): Promise<NodeHid> => {
    lib ??= import('node-hid');
    return lib;
  };
  return {
    async devices() {
      const hid = await load();
      const found = await hid.devicesAsync();
      return found.flatMap((d): HidDeviceInfo[] =>
        d.path === undefined
          ? []
          : [
              {
                path: d.path,
                vendorId: d.vendorId,
                productId: d.productId,
                ...(d.product === undefined ? {} : { product: d.product }),
                ...(d.manufacturer === undefined ? {} : { manufacturer: d.manufacturer }),
                ...(d.serialNumber === undefined ? {} : { serialNumber: d.serialNumber }),
              },
            ],
      );
    },
    async open(path) {
      const hid = await load();
      const dev = await hid.HIDAsync.open(path);
      const events = new Emitter<{ data: Uint8Array; error: Error }>();
      dev.on('data', (buf: Buffer) => events.emit('data', new Uint8Array(buf)));
      dev.on('error', (e: Error) => events.emit('error', e));
      const handle: HidHandle = {
        async sendFeatureReport(data) {
          await dev.sendFeatureReport(Buffer.from(data));
        },
        async getFeatureReport(reportId, length) {
          return new Uint8Array(await dev.getFeatureReport(reportId, length));
        },
        async write(data) {
          await dev.write(Buffer.from(data));
        },
        onData: (l) => events.on('data', l),
        onError: (l) => events.on('error', l),
        async close() {
          events.clear();
          await dev.close();
        },
      };
      return handle;
    },
  };
}
