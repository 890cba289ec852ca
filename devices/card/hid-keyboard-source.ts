import type { DeviceStatus } from '../../shared/devices/status.ts';
import { StatusTracker } from '../../shared/devices/status-tracker.ts';
import { OpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import { findHid, type HidBinding, type HidHandle } from '../hid/transport.ts';
import { BootKeyboardDecoder } from './codec/boot-keyboard.ts';

export interface HidKeyboardSelect {
  readonly vendorId: number;
  readonly productId: number;
  readonly path?: string | undefined;
  readonly serialNumber?: string | undefined;
  readonly reportId?: boolean;
  readonly maxLength?: number;
}

/**
 * A USB device that acts as a boot keyboard (card reader, PIN pad), read
 * through hidraw rather than as typed text: the host's keyboard layout never
 * matters and what it types never lands in whatever window has focus.
 * Emits one `line` per Enter; tracks plug state.
 */
export class HidKeyboardSource {
  private readonly tracker = new StatusTracker();
  private readonly lines = new Emitter<{ line: string }>();
  private handle: HidHandle | undefined;

  constructor(
    private readonly select: HidKeyboardSelect,
    private readonly hid: HidBinding,
    private readonly log: Logger,
  ) {}

  async open(): Promise<void> {
    await this.drop();
    this.tracker.set('connecting');
    const info = await findHid(this.hid, this.select);
    if (!info) {
      const vidPid = `${hex(this.select.vendorId)}:${hex(this.select.productId)}`;
      this.tracker.set('missing', `no HID device ${vidPid}`);
      throw new OpenBranchError('device.missing', `HID device ${vidPid} is not plugged in`, { vidPid });
    }
    const handle = await this.hid.open(info.path);
    this.handle = handle;
    const decoder = new BootKeyboardDecoder({ reportId: this.select.reportId ?? false, maxLength: this.select.maxLength ?? 64 });
    handle.onData((report) => {
      for (const frame of decoder.push(report)) {
        if (frame.type === 'discarded') this.log.debug({ reason: frame.reason }, 'report discarded');
        else this.lines.emit('line', frame.text);
      }
    });
    handle.onError((e) => {
      if (this.handle !== handle) return;
      this.handle = undefined;
      this.tracker.set('missing', `unplugged: ${e.message}`);
    });
    this.tracker.set('connected');
  }

  private async drop(): Promise<void> {
    const h = this.handle;
    this.handle = undefined;
    await h?.close().catch(() => {});
  }

  async close(): Promise<void> {
    await this.drop();
    this.tracker.set('closed');
  }

  onLine(listener: (line: string) => void): Unsubscribe {
    return this.lines.on('line', listener);
  }

  status(): DeviceStatus {
    return this.tracker.get();
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.tracker.on(listener);
  }
}

const hex = (n: number): string => n.toString(16).padStart(4, '0');
