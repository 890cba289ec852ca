import { OpenBranchError } from '../../../shared/errors.ts';
import { type Logger, logsAt } from '../../../shared/logger.ts';
import { Sip2Framer } from './codec/framer.ts';
import { redactedHex, redactText } from './codec/redact.ts';
import { decodeText, type Sip2Encoding } from './codec/text.ts';
import type { Sip2Socket } from './transport.ts';

/**
 * One TCP/TLS connection with at most one request outstanding. A frame
 * that arrives when nobody waits is logged and dropped (a late answer after
 * a timeout must never be taken for the next request's answer, which is why
 * a timeout closes the connection).
 */
export class Sip2Connection {
  private readonly framer = new Sip2Framer();
  private waiting: { resolve: (f: Uint8Array) => void; reject: (e: OpenBranchError) => void; timeoutMs: number } | undefined;
  /** One timeout timer for the connection, re-armed per request (no new timer each time); idle firings do nothing. */
  private timer: NodeJS.Timeout | undefined;
  private timerMs = 0;
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
      this.waiting = { resolve, reject, timeoutMs };
      this.armTimeout(timeoutMs);
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

  private armTimeout(timeoutMs: number): void {
    if (this.timer && this.timerMs === timeoutMs) {
      this.timer.refresh();
      return;
    }
    clearTimeout(this.timer);
    this.timerMs = timeoutMs;
    this.timer = setTimeout(() => this.timedOut(), timeoutMs);
    this.timer.unref(); // the socket keeps Node running while a request is out; this timer alone should not
  }

  private timedOut(): void {
    const w = this.waiting;
    if (!w) return; // answered meanwhile: the timer only runs out idle
    this.waiting = undefined;
    const e = new OpenBranchError('sip2.timeout', `no answer within ${w.timeoutMs} ms`, { timeoutMs: w.timeoutMs });
    w.reject(e);
    this.close(e);
  }

  /** Frames are decoded and redacted for the log only when debug (text) or trace (hex) is on. */
  private trace(direction: string, bytes: Uint8Array): void {
    if (!logsAt(this.log, 'debug')) return;
    const text = decodeText(bytes, this.encoding).replace(/[\r\n]+$/, '');
    this.log.debug({ direction, message: redactText(text).slice(0, 200) }, 'sip2 frame');
    if (logsAt(this.log, 'trace')) this.log.trace({ direction, hex: redactedHex(text) }, 'sip2 frame bytes');
  }
}
