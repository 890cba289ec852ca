import { OpenBranchError } from '../../shared/errors.ts';
import { TrackedDevice } from '../tracked-device.ts';
import { findHid, type HidBinding, type HidHandle } from './transport.ts';

export interface HidSelect {
  readonly vendorId: number;
  readonly productId: number;
  /** Pick one of several identical devices by hidraw path or serial number. */
  readonly path?: string | undefined;
  readonly serialNumber?: string | undefined;
}

const hex = (n: number): string => n.toString(16).padStart(4, '0');

/**
 * The lifecycle of every HID device, SerialDevice's twin: find and open
 * the device, hand its input reports to the driver, report `missing` when
 * it is unplugged, close. The device manager alone reopens it.
 */
export abstract class HidDevice extends TrackedDevice {
  #handle: HidHandle | undefined;

  constructor(
    private readonly hid: HidBinding,
    private readonly select: HidSelect,
  ) {
    super();
  }

  async open(): Promise<void> {
    await this.drop();
    const handle = await this.connecting(async () => {
      const info = await findHid(this.hid, this.select);
      const vidPid = `${hex(this.select.vendorId)}:${hex(this.select.productId)}`;
      if (!info) throw new OpenBranchError('device.missing', `HID device ${vidPid} is not plugged in`, { vidPid });
      return this.hid.open(info.path);
    });
    this.#handle = handle;
    this.attach();
    handle.onData((report) => this.report(report));
    handle.onError((e) => {
      if (this.#handle !== handle) return;
      this.#handle = undefined;
      this.detach();
      this.lose(`unplugged: ${e.message}`);
    });
    this.connected();
  }

  /** One input report from the device. */
  protected abstract report(data: Uint8Array): void;

  protected attach(): void {}

  protected detach(): void {}

  private async drop(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    if (!handle) return;
    this.detach();
    await handle.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.drop();
    this.closed();
  }
}
