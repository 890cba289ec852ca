import { OpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { HidBinding, HidHandle } from '../hid/transport.ts';
import { decodeState, encodeRelay, isRelayOn, REPORT_LENGTH, USBRELAY_PID, USBRELAY_VID } from './codec/usbrelay.ts';
import type { RelayBoard } from './relay-board.ts';

/**
 * dcttech USBRelay HID boards. Every command is read back from the board's
 * feature report: a relay that did not follow is an error, never assumed.
 */
export class UsbRelayBoard implements RelayBoard {
  readonly driver = 'usbrelay';
  private handle: HidHandle | undefined;
  private readonly lost = new Emitter<{ lost: string }>();

  constructor(
    private readonly hid: HidBinding,
    private readonly select: { serial?: string | undefined; path?: string | undefined },
  ) {}

  async open(): Promise<void> {
    await this.close();
    const candidates = (await this.hid.devices()).filter(
      (d) => d.vendorId === USBRELAY_VID && d.productId === USBRELAY_PID && (this.select.path === undefined || d.path === this.select.path),
    );
    for (const info of candidates) {
      const handle = await this.hid.open(info.path);
      const state = decodeState(await handle.getFeatureReport(0x01, REPORT_LENGTH + 1));
      if (this.select.serial === undefined || state?.serial === this.select.serial) {
        this.attach(handle);
        return;
      }
      await handle.close();
    }
    const which = this.select.serial ?? this.select.path ?? '16c0:05df';
    throw new OpenBranchError('device.missing', `USB relay board ${which} is not plugged in`, { board: which });
  }

  private attach(handle: HidHandle): void {
    this.handle = handle;
    handle.onError((e) => {
      if (this.handle !== handle) return;
      this.handle = undefined;
      this.lost.emit('lost', e.message);
    });
  }

  private live(): HidHandle {
    if (!this.handle) throw new OpenBranchError('device.missing', 'USB relay board is not open');
    return this.handle;
  }

  async set(relay: number, on: boolean): Promise<void> {
    const handle = this.live();
    await handle.sendFeatureReport(encodeRelay(relay, on));
    if ((await this.read(relay)) !== on) {
      throw new OpenBranchError('door.readback', `relay ${relay} did not switch ${on ? 'on' : 'off'}`, { relay });
    }
  }

  async read(relay: number): Promise<boolean> {
    const state = decodeState(await this.live().getFeatureReport(0x01, REPORT_LENGTH + 1));
    if (!state) throw new OpenBranchError('codec.short', 'USB relay feature report too short');
    return isRelayOn(state, relay);
  }

  onLost(listener: (reason: string) => void): Unsubscribe {
    return this.lost.on('lost', listener);
  }

  async close(): Promise<void> {
    const h = this.handle;
    this.handle = undefined;
    await h?.close().catch(() => {});
  }
}
