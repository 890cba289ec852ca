import { SerialPort } from 'serialport';
import { nodeHidBinding } from '../../devices/hid/node-hid-binding.ts';
import type { HidBinding } from '../../devices/hid/transport.ts';
import { guessUsb, hex4 } from './known-usb.ts';

export interface FoundDevice {
  readonly bus: 'serial' | 'hid';
  readonly path: string;
  readonly vendorId?: string;
  readonly productId?: string;
  readonly manufacturer?: string;
  readonly product?: string;
  readonly serialNumber?: string;
  readonly guess?: string;
}

const opt = <K extends string>(key: K, v: string | undefined): { [P in K]?: string } => (v ? ({ [key]: v } as { [P in K]: string }) : {});

/** Every serial port and HID device the machine sees, with a guess of what each is. */
export async function listDevices(hid: HidBinding = nodeHidBinding()): Promise<{ devices: FoundDevice[]; warnings: string[] }> {
  const warnings: string[] = [];
  const serial = await SerialPort.list().catch((e: unknown) => {
    warnings.push(`serial ports: ${String(e)}`);
    return [];
  });
  const hids = await hid.devices().catch((e: unknown) => {
    warnings.push(`HID: ${String(e)}`);
    return [];
  });
  const devices: FoundDevice[] = [
    ...serial.map((p): FoundDevice => {
      const vid = p.vendorId ? Number.parseInt(p.vendorId, 16) : undefined;
      const pid = p.productId ? Number.parseInt(p.productId, 16) : undefined;
      return {
        bus: 'serial',
        path: p.path,
        ...opt('vendorId', p.vendorId?.toLowerCase()),
        ...opt('productId', p.productId?.toLowerCase()),
        ...opt('manufacturer', p.manufacturer),
        ...opt('serialNumber', p.serialNumber),
        ...opt('guess', guessUsb(vid, pid)),
      };
    }),
    ...hids.map(
      (d): FoundDevice => ({
        bus: 'hid',
        path: d.path,
        vendorId: hex4(d.vendorId),
        productId: hex4(d.productId),
        ...opt('manufacturer', d.manufacturer),
        ...opt('product', d.product),
        ...opt('serialNumber', d.serialNumber),
        ...opt('guess', guessUsb(d.vendorId, d.productId)),
      }),
    ),
  ];
  return { devices, warnings };
}
