import { type FileHandle, open, stat } from 'node:fs/promises';
import { OpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { ByteLink } from './byte-link.ts';

const codeOf = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);

/**
 * A device that is a file to write to: a USB printer-class printer on
 * Linux (usblp, /dev/usb/lp0). Nothing comes back (usblp has no reliable
 * read-back); a device file that vanished is a lost link.
 */
export class DeviceFileLink implements ByteLink {
  private readonly events = new Emitter<{ lost: string }>();
  private handle: FileHandle | undefined;

  private constructor(
    private readonly path: string,
    handle: FileHandle,
  ) {
    this.handle = handle;
  }

  static async open(path: string): Promise<DeviceFileLink> {
    try {
      // 'r+' never creates a file: a missing device stays missing.
      return new DeviceFileLink(path, await open(path, 'r+'));
    } catch (e) {
      throw new OpenBranchError('device.missing', `cannot open ${path}: ${codeOf(e)}`, { path });
    }
  }

  get isOpen(): boolean {
    return this.handle !== undefined;
  }

  async write(bytes: Uint8Array): Promise<void> {
    const handle = this.handle;
    if (!handle) throw new OpenBranchError('device.missing', `${this.path} is not open`, { path: this.path });
    try {
      await stat(this.path);
      await handle.write(bytes);
    } catch (e) {
      const reason = `write to ${this.path} failed: ${codeOf(e)}`;
      this.handle = undefined;
      await handle.close().catch(() => undefined);
      this.events.emit('lost', reason);
      throw new OpenBranchError('device.missing', reason, { path: this.path });
    }
  }

  onData(): Unsubscribe {
    return () => {};
  }

  onLost(listener: (reason: string) => void): Unsubscribe {
    return this.events.on('lost', listener);
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close().catch(() => undefined);
  }
}
