import { SerialPortStream } from '@serialport/stream';
import { SerialPort } from 'serialport';
import { OpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';

/** serialport's binding (bindings-cpp by default; SerialPortMock.binding in tests). */
export type SerialBinding = ConstructorParameters<typeof SerialPortStream>[0]['binding'];

export interface SerialLinkOptions {
  readonly path: string;
  readonly baudRate: number;
  readonly binding?: SerialBinding | undefined;
}

/**
 * An open serial port reduced to what drivers need: bytes in, bytes out, and
 * one `lost` event when the port disappears (USB unplugged, pty closed).
 * Errors come out as OpenBranchError: a port that is not there is
 * `device.missing` (transient: the manager retries).
 */
export class SerialLink {
  private readonly events = new Emitter<{ data: Uint8Array; lost: string }>();
  private closing = false;

  private constructor(readonly port: SerialPortStream) {
    port.on('data', (chunk: Buffer) => this.events.emit('data', new Uint8Array(chunk)));
    port.on('close', (err?: Error) => {
      if (!this.closing) this.events.emit('lost', err?.message ?? 'port closed');
    });
    port.on('error', (err: Error) => {
      if (!this.closing) this.events.emit('lost', err.message);
    });
  }

  static open(options: SerialLinkOptions): Promise<SerialLink> {
    return new Promise((resolve, reject) => {
      const port = new SerialPortStream({
        path: options.path,
        baudRate: options.baudRate,
        autoOpen: false,
        binding: options.binding ?? SerialPort.binding,
      });
      port.open((err) => {
        if (err)
          reject(
            new OpenBranchError('device.missing', `cannot open ${options.path}: ${err.message}`, { port: options.path }, { cause: err }),
          );
        else resolve(new SerialLink(port));
      });
    });
  }

  onData(listener: (chunk: Uint8Array) => void): Unsubscribe {
    return this.events.on('data', listener);
  }

  onLost(listener: (reason: string) => void): Unsubscribe {
    return this.events.on('lost', listener);
  }

  /** Writes and waits until the bytes left the kernel buffer (so a pulse really started). */
  write(bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      const fail = (err: Error) =>
        reject(
          new OpenBranchError(
            'device.missing',
            `write to ${this.port.path} failed: ${err.message}`,
            { port: this.port.path },
            { cause: err },
          ),
        );
      if (!this.port.isOpen) {
        fail(new Error('port is not open'));
        return;
      }
      this.port.write(Buffer.from(bytes), (err) => {
        if (err) return fail(err);
        this.port.drain((e) => (e ? fail(e) : resolve()));
      });
    });
  }

  get isOpen(): boolean {
    return this.port.isOpen;
  }

  close(): Promise<void> {
    this.closing = true;
    this.events.clear();
    return new Promise((resolve) => {
      if (!this.port.isOpen) return resolve();
      this.port.close(() => resolve());
    });
  }
}
