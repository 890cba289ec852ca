import { OpenBranchError } from '../../../shared/errors.ts';
import { type Logger, logsAt } from '../../../shared/logger.ts';
import { Sip2Framer } from './codec/framer.ts';
import { redactedHex, redactText } from './codec/redact.ts';
import { decodeText, type Sip2Encoding } from './codec/text.ts';
import type { Sip2Socket } from './transport.ts';

interface Waiting {
  readonly resolve: (f: Uint8Array) => void;
  readonly reject: (e: OpenBranchError) => void;
  readonly timeoutMs: number;
  /** performance.now() time after which the request has timed out. */
  readonly deadline: number;
}

/**
 * One TCP/TLS connection with at most one request outstanding. A frame
 * that arrives when nobody waits is logged and dropped (a late answer after
 * a timeout must never be taken for the next request's answer, which is why
 * a timeout closes the connection).
 */
export class Sip2Connection {
  private readonly framer = new Sip2Framer();
  private waiting: Waiting | undefined;
  /**
   * One timeout timer for the connection, not touched per request: each
   * request only notes its deadline. When the timer fires it fails the
   * request whose deadline has passed, or sleeps again until the one that
   * waits now is due; with nothing waiting it stops.
   */
  private timer: NodeJS.Timeout | undefined;
  /** When the pending timer fires (performance.now() time). */
  private timerAt = 0;
  private closedWith: OpenBranchError | undefined;
  private readonly closeListeners: ((e: OpenBranchError) => void)[] = [];

  constructor(
    private readonly socket: Sip2Socket,
    private readonly encoding: Sip2Encoding,
    private readonly log: Logger,
  ) {
    socket.on('data', (chunk) => this.onData(chunk));
    socket.on('error', (e) => this.close(new OpenBranchError('sip2.disconnected', `connection error: ${e.message}`, {}, { cause: e })));
    socket.on('close', () => this.close(new OpenBranchError('sip2.disconnected', 'the ACS closed the connection')));
  }

  get open(): boolean {
    return this.closedWith === undefined;
  }

  onClose(listener: (e: OpenBranchError) => void): void {
    this.closeListeners.push(listener);
  }

  /** Writes one message and resolves with the next frame, or rejects on timeout/close. */
  exchange(bytes: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    if (this.waiting) return Promise.reject(new OpenBranchError('sip2.busy', 'a request is already outstanding on this connection'));
    return new Promise((resolve, reject) => {
      const deadline = performance.now() + timeoutMs;
      this.waiting = { resolve, reject, timeoutMs, deadline };
      this.armTimeout(deadline);
      this.trace('sc->acs', bytes);
      this.socket.write(bytes);
    });
  }

  close(reason = new OpenBranchError('sip2.disconnected', 'connection closed by the kiosk')): void {
    if (this.closedWith) return;
    this.closedWith = reason;
    const w = this.waiting;
    this.waiting = undefined;
    clearTimeout(this.timer);
    if (w) w.reject(reason);
    this.socket.destroy();
    for (const l of this.closeListeners) l(reason);
  }

  private onData(chunk: Uint8Array): void {
    let frames: Uint8Array[];
    try {
      frames = this.framer.push(chunk);
    } catch (e) {
      this.close(e as OpenBranchError);
      return;
    }
    for (const frame of frames) {
      this.trace('acs->sc', frame);
      const w = this.waiting;
      if (!w) {
        this.log.warn({ length: frame.length }, 'unexpected SIP2 message from the ACS dropped');
        continue;
      }
      this.waiting = undefined;
      w.resolve(frame);
    }
  }

  /** Makes sure the timer fires no later than `deadline` (a pending timer that fires sooner is left alone). */
  private armTimeout(deadline: number): void {
    if (this.timer !== undefined) {
      if (this.timerAt <= deadline) return;
      clearTimeout(this.timer);
    }
    this.timerAt = deadline;
    this.timer = setTimeout(this.onTimer, Math.max(1, Math.ceil(deadline - performance.now())));
    this.timer.unref(); // the socket keeps Node running while a request is out; this timer alone should not
  }

  private readonly onTimer = (): void => {
    this.timer = undefined;
    const w = this.waiting;
    if (!w) return; // answered meanwhile: nothing to watch until the next request
    if (performance.now() < w.deadline) {
      this.armTimeout(w.deadline); // armed for an earlier request: sleep on until this one is due
      return;
    }
    this.waiting = undefined;
    const e = new OpenBranchError('sip2.timeout', `no answer within ${w.timeoutMs} ms`, { timeoutMs: w.timeoutMs });
    w.reject(e);
    this.close(e);
  };

  /** Frames are decoded and redacted for the log only when debug (text) or trace (hex) is on. */
  private trace(direction: string, bytes: Uint8Array): void {
    if (!logsAt(this.log, 'debug')) return;
    const text = decodeText(bytes, this.encoding).replace(/[\r\n]+$/, '');
    this.log.debug({ direction, message: redactText(text).slice(0, 200) }, 'sip2 frame');
    if (logsAt(this.log, 'trace')) this.log.trace({ direction, hex: redactedHex(text) }, 'sip2 frame bytes');
  }
}
