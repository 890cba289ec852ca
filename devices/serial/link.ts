import { access } from 'node:fs/promises';
import { SerialPortStream } from '@serialport/stream';
import { SerialPort } from 'serialport';
import { OpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { ByteLink, LinkOpener, Parity } from './byte-link.ts';

/** serialport's binding (bindings-cpp by default; SerialPortMock.binding in tests). */
export type SerialBinding = ConstructorParameters<typeof SerialPortStream>[0]['binding'];

export interface SerialLinkOptions {
  readonly path: string;
  readonly baudRate: number;
  /** 8 data bits and 1 stop bit always; parity as the device wants it (FEIG readers: even). */
  readonly parity?: Parity;
  readonly binding?: SerialBinding | undefined;
  /** How often to check that the device node still exists (real ports only); 0 turns it off. */
  readonly watchMs?: number;
}

/** The modem-status inputs of a serial port (a door contact can be wired to one). */
export interface ModemLines {
  readonly cts: boolean;
  readonly dsr: boolean;
  readonly dcd: boolean;
}

/**
 * An open serial port reduced to what drivers need: bytes in, bytes out, and
 * one `lost` event when the port disappears (USB unplugged, pty closed).
 * Errors come out as OpenBranchError: a port that is not there is
 * `device.missing` (transient: the manager retries). The binding is
 * injected (serialport's native one by default, SerialPortMock's in tests).
 */
export class SerialLink implements ByteLink {
  private readonly events = new Emitter<{ data: Uint8Array; lost: string }>();
  private closing = false;
  private lostOnce = false;
  private watch: ReturnType<typeof setInterval> | undefined;

  private constructor(
    private readonly port: SerialPortStream,
    watchMs: number,
  ) {
    port.on('data', (chunk: Buffer) => this.events.emit('data', new Uint8Array(chunk)));
    port.on('close', (err?: Error) => this.lose(err?.message ?? 'port closed'));
    port.on('error', (err: Error) => this.lose(err.message));
    // The native poller does not always see a hangup (a pty whose master went
    // away can leave a read waiting forever); a vanished device node is certain.
    if (watchMs > 0) {
      this.watch = setInterval(() => {
        access(port.path).catch(() => this.lose('device node vanished'));
      }, watchMs);
      this.watch.unref();
    }
  }

  private lose(reason: string): void {
    if (this.closing || this.lostOnce) return;
    this.lostOnce = true;
    clearInterval(this.watch);
    this.events.emit('lost', reason);
    if (this.port.isOpen) this.port.close(() => {});
  }

  static open(options: SerialLinkOptions): Promise<SerialLink> {
    return new Promise((resolve, reject) => {
      const port = new SerialPortStream({
        path: options.path,
        baudRate: options.baudRate,
        parity: options.parity ?? 'none',
        dataBits: 8,
        stopBits: 1,
        autoOpen: false,
        binding: options.binding ?? SerialPort.binding,
      });
      port.open((err) => {
        if (err) {
          reject(
            new OpenBranchError('device.missing', `cannot open ${options.path}: ${err.message}`, { port: options.path }, { cause: err }),
          );
          return;
        }
        // COM ports are not files on Windows: there the native close event is all we have.
        const watch = options.binding || process.platform === 'win32' ? 0 : (options.watchMs ?? 250);
        resolve(new SerialLink(port, watch));
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
      const fail = (err: Error) => {
        this.lose(err.message);
        reject(
          new OpenBranchError(
            'device.missing',
            `write to ${this.port.path} failed: ${err.message}`,
            { port: this.port.path },
            { cause: err },
          ),
        );
      };
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

  get path(): string {
    return this.port.path;
  }

  /** Reads CTS, DSR and DCD (RTS and DTR are asserted on open and feed a contact wired back to them). */
  modemLines(): Promise<ModemLines> {
    return new Promise((resolve, reject) => {
      this.port.get((err, lines) => {
        if (err || !lines) reject(err ?? new Error('no modem status'));
        else resolve({ cts: lines.cts === true, dsr: lines.dsr === true, dcd: lines.dcd === true });
      });
    });
  }

  close(): Promise<void> {
    this.closing = true;
    clearInterval(this.watch);
    this.events.clear();
    return new Promise((resolve) => {
      if (!this.port.isOpen) return resolve();
      this.port.close(() => resolve());
    });
  }
}

/** The opener of a device's configured port (`port`, `baudRate`), as every serial driver takes it. */
export const serialPort =
  (config: { readonly port: string; readonly baudRate: number }, binding?: SerialBinding): LinkOpener<SerialLink> =>
  () =>
    SerialLink.open({ path: config.port, baudRate: config.baudRate, binding });
