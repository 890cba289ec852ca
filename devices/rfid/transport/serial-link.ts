import { SerialPort } from 'serialport';
import { OpenBranchError } from '../../../shared/errors.ts';
import { Emitter } from '../../../shared/events.ts';
import type { ByteLink, SerialSettings } from './link.ts';

/** ByteLink over the real serialport bindings (USB-serial adapters, RS-232, socat ptys in tests). */
export class SerialLink implements ByteLink {
  private port: SerialPort | undefined;
  private closing = false;
  private readonly events = new Emitter<{ data: Uint8Array; lost: string }>();

  constructor(private readonly settings: SerialSettings) {}

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  open(): Promise<void> {
    const { path, baudRate, parity } = this.settings;
    this.closing = false;
    return new Promise((resolve, reject) => {
      const port = new SerialPort({ path, baudRate, parity, dataBits: 8, stopBits: 1, autoOpen: false });
      port.open((err) => {
        if (err) {
          reject(new OpenBranchError('device.missing', `cannot open ${path}`, { path }, { cause: err }));
          return;
        }
        this.port = port;
        port.on('data', (chunk: Buffer) => this.events.emit('data', new Uint8Array(chunk)));
        port.on('error', (e: Error) => this.lose(e.message));
        port.on('close', () => this.lose('port closed'));
        resolve();
      });
    });
  }

  private lose(reason: string): void {
    const port = this.port;
    if (!port || this.closing) return;
    this.port = undefined;
    port.removeAllListeners();
    port.on('error', () => {});
    if (port.isOpen) port.close(() => {});
    this.events.emit('lost', reason);
  }

  close(): Promise<void> {
    const port = this.port;
    this.closing = true;
    this.port = undefined;
    if (!port?.isOpen) return Promise.resolve();
    return new Promise((resolve) => port.close(() => resolve()));
  }

  write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port) return Promise.reject(new OpenBranchError('device.missing', 'serial port is not open', { path: this.settings.path }));
    return new Promise((resolve, reject) => {
      port.write(Buffer.from(bytes), (err) => {
        if (err) reject(new OpenBranchError('device.missing', 'write failed', { path: this.settings.path }, { cause: err }));
        else resolve();
      });
    });
  }

  onData(listener: (chunk: Uint8Array) => void) {
    return this.events.on('data', listener);
  }

  onLost(listener: (reason: string) => void) {
    return this.events.on('lost', listener);
  }
}
