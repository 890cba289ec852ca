import { OpenBranchError } from '../../../shared/errors.ts';
import type { Logger } from '../../../shared/logger.ts';
import { toHex } from '../codec/bytes.ts';
import type { ParseEvent } from '../codec/frame-parser.ts';
import type { Exchange } from '../codec/protocol.ts';
import type { ByteLink } from './link.ts';

interface Pending<F> {
  readonly answers: (frame: F) => boolean;
  readonly resolve: (frame: F) => void;
  readonly reject: (e: unknown) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Half-duplex request/response over a ByteLink: one exchange at a time (the
 * readers are masters-and-slaves, never pipelined), a timeout per exchange,
 * line noise logged and skipped, stray frames ignored.
 */
export class Transactor<F> {
  private pending: Pending<F> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly link: ByteLink,
    private readonly parser: { push(chunk: Uint8Array): ParseEvent<F>[]; reset?(): void },
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
      } else {
        this.logger.debug('ignored a frame nobody asked for');
      }
    }
  }

  run<T>(exchange: Exchange<F, T>): Promise<T> {
    const next = this.queue.then(() => this.once(exchange));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async once<T>(exchange: Exchange<F, T>): Promise<T> {
    const frame = await new Promise<F>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        // A half frame left by a glitch would swallow the next answer: start clean.
        this.parser.reset?.();
        reject(new OpenBranchError('device.timeout', 'reader did not answer in time', { timeoutMs: this.timeoutMs }));
      }, this.timeoutMs);
      this.pending = { answers: (f) => exchange.answers(f), resolve, reject, timer };
      this.logger.trace({ hex: toHex(exchange.request) }, 'request');
      this.link.write(exchange.request).catch((e: unknown) => {
        clearTimeout(timer);
        this.pending = undefined;
        reject(e);
      });
    });
    return exchange.parse(frame);
  }

  /** Fails the exchange in flight (link lost) and stops listening. */
  dispose(reason: OpenBranchError): void {
    this.unsubscribe();
    const p = this.pending;
    this.pending = undefined;
    if (p) {
      clearTimeout(p.timer);
      p.reject(reason);
    }
  }
}
