import { OpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import type { ByteLink } from './byte-link.ts';
import type { Exchange, FrameSource } from './codec/exchange.ts';

interface Pending<F> {
  readonly answers: (frame: F) => boolean;
  readonly resolve: (frame: F) => void;
  readonly reject: (e: unknown) => void;
  readonly timer: NodeJS.Timeout;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/**
 * Half-duplex commands over a ByteLink, for every device that is spoken to
 * (RFID readers, the input board, relay boards, the printer's status):
 * one command at a time in the order given (devices here are slaves,
 * never pipelined), a timeout per exchange, line noise logged and skipped.
 * Frames nobody asked for go to `onFrame` (an input board reports changes
 * on its own).
 */
export class Transactor<F> {
  private pending: Pending<F> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly unsolicited = new Emitter<{ frame: F }>();
  private readonly unsubscribe: Unsubscribe;

  constructor(
    private readonly link: ByteLink,
    private readonly parser: FrameSource<F>,
    private readonly timeoutMs: number,
    private readonly logger: Logger,
  ) {
    this.unsubscribe = link.onData((chunk) => this.receive(chunk));
  }

  private receive(chunk: Uint8Array): void {
    for (const event of this.parser.push(chunk)) {
      if (event.kind === 'discarded') {
        this.logger.debug({ bytes: event.bytes.length }, 'discarded line noise');
        continue;
      }
      const p = this.pending;
      if (p?.answers(event.frame)) {
        this.pending = undefined;
        clearTimeout(p.timer);
        p.resolve(event.frame);
      } else if (this.unsolicited.listenerCount('frame') > 0) {
        this.unsolicited.emit('frame', event.frame);
      } else {
        this.logger.debug('ignored a frame nobody asked for');
      }
    }
  }

  /** Sends a request and resolves with its parsed answer; rejects with device.timeout when none comes. */
  run<T>(exchange: Exchange<F, T>): Promise<T> {
    return this.enqueue(() => this.once(exchange));
  }

  /** Sends bytes that get no answer (a relay command), in turn with the exchanges. */
  send(bytes: Uint8Array): Promise<void> {
    return this.enqueue(() => {
      this.logger.trace({ hex: hex(bytes) }, 'send');
      return this.link.write(bytes);
    });
  }

  /** Frames that answer no exchange in flight. */
  onFrame(listener: (frame: F) => void): Unsubscribe {
    return this.unsolicited.on('frame', listener);
  }

  private enqueue<T>(step: () => Promise<T>): Promise<T> {
    const next = this.queue.then(step);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async once<T>(exchange: Exchange<F, T>): Promise<T> {
    const frame = await new Promise<F>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        // A half frame left by a glitch would swallow the next answer: start clean.
        this.parser.reset?.();
        reject(new OpenBranchError('device.timeout', 'the device did not answer in time', { timeoutMs: this.timeoutMs }));
      }, this.timeoutMs);
      this.pending = { answers: (f) => exchange.answers(f), resolve, reject, timer };
      this.logger.trace({ hex: hex(exchange.request) }, 'request');
      this.link.write(exchange.request).catch((e: unknown) => {
        clearTimeout(timer);
        this.pending = undefined;
        reject(e);
      });
    });
    return exchange.parse(frame);
  }

  /** Fails the exchange in flight (link lost, device closed) and stops listening. */
  dispose(reason: OpenBranchError): void {
    this.unsubscribe();
    this.unsolicited.clear();
    const p = this.pending;
    this.pending = undefined;
    if (p) {
      clearTimeout(p.timer);
      p.reject(reason);
    }
  }
}
