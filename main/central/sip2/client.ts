import { isTransient, OpenBranchError, toOpenBranchError } from '../../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../../shared/events.ts';
import type { Logger } from '../../../shared/logger.ts';
import { checksum } from './codec/checksum.ts';
import { type DecodeOptions, decodeMessage } from './codec/decode.ts';
import { type EncodeOptions, encodeMessage } from './codec/encode.ts';
import type { DecodedMessage, SipMessage } from './codec/message.ts';
import { loginRequest, type RequestContext, scStatusRequest } from './codec/requests.ts';
import { parseAcsStatus } from './codec/responses.ts';
import { RESPONSE_OF } from './codec/spec.ts';
import { encodeText, type Sip2Encoding } from './codec/text.ts';
import { Sip2Connection } from './connection.ts';
import type { Sip2Profile } from './profiles.ts';
import { type Dialer, dialTcp } from './transport.ts';

export interface Sip2ClientOptions {
  readonly host: string;
  readonly port: number;
  readonly tls?: boolean;
  readonly caFile?: string;
  readonly tlsInsecure?: boolean;
  readonly user: string;
  readonly password: string;
  readonly institution: string;
  readonly location?: string;
  readonly terminalPassword?: string;
  readonly profile: Sip2Profile;
  readonly encoding?: Sip2Encoding;
  readonly errorDetection?: boolean;
  readonly timeoutMs?: number;
  readonly keepAliveSeconds?: number;
  readonly timeZone?: string;
  readonly logger: Logger;
  /** Transport; default TCP/TLS. */
  readonly dial?: Dialer;
  /** 97 resends before giving up on a corrupt answer (then the connection is dropped). */
  readonly maxResends?: number;
  /** Reconnect in the background after a lost connection. */
  readonly autoReconnect?: boolean;
  readonly now?: () => Date;
}

export type ClientState = 'disconnected' | 'connecting' | 'ready' | 'closed';

const MAX_RECONNECT_BACKOFF_MS = 10_000;

export interface ClientEvents extends Record<string, unknown> {
  state: ClientState;
  /** Something recoverable went wrong (a resend, a timeout, a reconnect): health may be degraded. */
  trouble: { readonly code: string };
  /** A request went through cleanly; `code` is the request's two-digit SIP2 command. */
  success: { readonly code: string; readonly ms: number };
}

/**
 * SIP2 client: login on connect, one outstanding request, AY/AZ checked on
 * every answer with bounded 97 resends, per-request timeouts, keep-alive
 * (99) and reconnect with backoff. Typed operations live in operations.ts.
 */
export class Sip2Client {
  private readonly events = new Emitter<ClientEvents>();
  private connection: Sip2Connection | undefined;
  private connecting: Promise<Sip2Connection> | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private inFlight = 0;
  private seq = 0;
  private stateValue: ClientState = 'disconnected';
  private keepAlive: NodeJS.Timeout | undefined;
  private lastAnswerAt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private backoffMs = 250;
  private keepAliveMs: number;
  /** Codec options, built once: one per sequence number (0-9) with error detection, one without. */
  private readonly encodeOptions: readonly EncodeOptions[];
  private readonly decodeOptions: DecodeOptions;
  readonly log: Logger;

  constructor(readonly options: Sip2ClientOptions) {
    this.log = options.logger.child({ subsystem: 'sip2' });
    this.keepAliveMs = (options.keepAliveSeconds ?? 60) * 1000;
    const encoding = options.encoding ?? 'utf-8';
    const pipe = options.profile.pipeEscape ? { pipeEscape: options.profile.pipeEscape } : {};
    const base: EncodeOptions = { encoding, terminator: options.profile.terminator, ...pipe };
    this.encodeOptions = (options.errorDetection ?? true) ? Array.from({ length: 10 }, (_, sequence) => ({ ...base, sequence })) : [base];
    this.decodeOptions = { encoding, ...pipe };
  }

  get state(): ClientState {
    return this.stateValue;
  }

  on<K extends keyof ClientEvents>(event: K, listener: (p: ClientEvents[K]) => void): Unsubscribe {
    return this.events.on(event, listener);
  }

  context(now = this.now()): RequestContext {
    const { institution, terminalPassword, timeZone } = this.options;
    // One literal per shape rather than spreads: this runs for every request.
    if (terminalPassword) return timeZone ? { institution, now, terminalPassword, timeZone } : { institution, now, terminalPassword };
    return timeZone ? { institution, now, timeZone } : { institution, now };
  }

  now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Connects and logs in (idempotent). Rejects with sip2.connect / sip2.login. */
  async connect(): Promise<void> {
    await this.ensureConnection();
  }

  /** Sends one request and returns its checked answer. Requests are queued, one at a time. */
  request(message: SipMessage): Promise<DecodedMessage> {
    // Nothing in flight (the usual case: one patron, one request at a time): send now, no chaining.
    const idle = this.inFlight === 0;
    this.inFlight++; // counted down when its send() settles; the next request waits for `tail`
    const run = idle
      ? this.send(message)
      : this.tail.then(
          () => this.send(message),
          () => this.send(message),
        );
    this.tail = run;
    return run;
  }

  async close(): Promise<void> {
    this.setState('closed');
    clearTimeout(this.keepAlive);
    this.keepAlive = undefined;
    clearTimeout(this.reconnectTimer);
    this.connection?.close();
    this.connection = undefined;
  }

  private setState(s: ClientState): void {
    if (this.stateValue === s || (this.stateValue === 'closed' && s !== 'closed')) return;
    this.stateValue = s;
    this.events.emit('state', s);
  }

  private async send(message: SipMessage): Promise<DecodedMessage> {
    try {
      if (this.stateValue === 'closed') throw new OpenBranchError('sip2.closed', 'the SIP2 client is closed');
      const conn = this.connection?.open ? this.connection : await this.ensureConnection();
      const started = performance.now();
      try {
        const answer = await this.exchange(conn, message);
        const answered = performance.now();
        this.events.emit('success', { code: message.code, ms: answered - started });
        this.armKeepAlive(answered);
        return answer;
      } catch (e) {
        const err = toOpenBranchError(e, 'sip2.failed');
        if (isTransient(err)) this.events.emit('trouble', { code: err.code });
        throw err;
      }
    } finally {
      this.inFlight--;
    }
  }

  private async exchange(conn: Sip2Connection, message: SipMessage): Promise<DecodedMessage> {
    const o = this.options;
    const detect = o.errorDetection ?? true;
    const seq = this.seq;
    this.seq = (this.seq + 1) % 10;
    const bytes = encodeMessage(message, this.encodeOptions[detect ? seq : 0]);
    const expected = RESPONSE_OF[message.code];
    const timeout = o.timeoutMs ?? 10_000;
    let frame = await conn.exchange(bytes, timeout);
    for (let resends = 0; ; resends++) {
      const problem = this.check(frame, expected, detect ? seq : undefined);
      if (typeof problem !== 'string') return problem;
      if (resends >= (o.maxResends ?? 2)) {
        const e = new OpenBranchError('sip2.corrupt', `no clean answer after ${resends} resends: ${problem}`, { problem });
        conn.close(e);
        throw e;
      }
      this.events.emit('trouble', { code: 'sip2.resend' });
      this.log.warn({ problem, resends }, 'bad SIP2 answer; asking the ACS to resend');
      // The ACS asked us to resend (96): send our bytes again; otherwise ask it (97).
      frame = await conn.exchange(problem === 'acs-asked-resend' ? bytes : this.resendBytes(detect), timeout);
    }
  }

  private resendBytes(detect: boolean): Uint8Array {
    const term = this.options.profile.terminator;
    if (!detect) return encodeText(`97${term}`, 'ascii');
    const body = encodeText('97AZ', 'ascii');
    return encodeText(`97AZ${checksum(body)}${term}`, 'ascii');
  }

  /** The decoded answer, or why it is not acceptable. */
  private check(frame: Uint8Array, expected: string | undefined, seq: number | undefined): DecodedMessage | string {
    let m: DecodedMessage;
    try {
      m = decodeMessage(frame, this.decodeOptions);
    } catch {
      return 'malformed';
    }
    if (m.code === '96') return 'acs-asked-resend';
    if (seq !== undefined) {
      if (m.checksumValid !== true) return m.checksum === undefined ? 'checksum-missing' : 'checksum-wrong';
      if (m.sequence !== seq) return 'sequence-wrong';
    }
    if (expected !== undefined && m.code !== expected) return `unexpected-${m.code}`;
    return m;
  }

  private ensureConnection(): Promise<Sip2Connection> {
    if (this.connection?.open) return Promise.resolve(this.connection);
    this.connecting ??= this.openConnection().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async openConnection(): Promise<Sip2Connection> {
    const o = this.options;
    this.setState('connecting');
    clearTimeout(this.reconnectTimer);
    try {
      const socket = await (o.dial ?? dialTcp)({
        host: o.host,
        port: o.port,
        timeoutMs: o.timeoutMs ?? 10_000,
        ...(o.tls ? { tls: true } : {}),
        ...(o.caFile ? { caFile: o.caFile } : {}),
        ...(o.tlsInsecure ? { tlsInsecure: true } : {}),
      });
      const conn = new Sip2Connection(socket, o.encoding ?? 'utf-8', this.log);
      conn.onClose((e) => this.onLost(conn, e));
      const login = await this.exchange(conn, loginRequest(o.user, o.password, o.location));
      if (login.fixed.ok !== '1') {
        conn.close(new OpenBranchError('sip2.login', 'login refused'));
        throw new OpenBranchError('sip2.login', 'the ACS refused the SIP2 login (check user, password, location)', { user: o.user });
      }
      const status = parseAcsStatus(await this.exchange(conn, scStatusRequest()));
      // Keep alive well within the server's own timeout (tenths of seconds; 0/999 = none).
      if (status.timeoutTenths > 0 && status.timeoutTenths < 999)
        this.keepAliveMs = Math.min(this.keepAliveMs, (status.timeoutTenths * 100) / 2);
      this.connection = conn;
      this.backoffMs = 250;
      this.setState('ready');
      this.log.info({ host: o.host, port: o.port, online: status.online, library: status.libraryName }, 'SIP2 connected');
      this.armKeepAlive();
      return conn;
    } catch (e) {
      const err = toOpenBranchError(e, 'sip2.connect');
      this.setState('disconnected');
      this.events.emit('trouble', { code: err.code });
      this.scheduleReconnect();
      throw err.code === 'sip2.login' || err.code === 'sip2.connect'
        ? err
        : new OpenBranchError('sip2.connect', err.message, {}, { cause: err });
    }
  }

  private onLost(conn: Sip2Connection, e: OpenBranchError): void {
    if (this.connection !== conn) return;
    this.connection = undefined;
    clearTimeout(this.keepAlive);
    this.keepAlive = undefined;
    this.log.warn({ code: e.code }, 'SIP2 connection lost');
    this.setState('disconnected');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.options.autoReconnect === false || this.stateValue === 'closed' || this.reconnectTimer?.hasRef()) return;
    const wait = this.backoffMs;
    // Capped at 10 s: one login attempt that often costs Koha nothing, and an unstaffed kiosk is back online soon after the network.
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_RECONNECT_BACKOFF_MS);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.stateValue === 'closed' || this.connection?.open) return;
      this.ensureConnection().catch(() => undefined);
    }, wait);
    this.reconnectTimer.unref();
  }

  /**
   * Notes an answer; a status request (99) goes out once the line has been
   * quiet for keepAliveMs. The timer is not touched per answer: when it
   * fires early (answers came meanwhile) it sleeps on for the rest.
   */
  private armKeepAlive(answeredAt = performance.now()): void {
    if (this.stateValue === 'closed') return;
    this.lastAnswerAt = answeredAt;
    if (this.keepAlive === undefined) this.keepAliveIn(this.keepAliveMs);
  }

  private keepAliveIn(ms: number): void {
    this.keepAlive = setTimeout(this.keepAliveDue, ms);
    this.keepAlive.unref();
  }

  private readonly keepAliveDue = (): void => {
    this.keepAlive = undefined;
    if (this.stateValue === 'closed') return;
    const quiet = performance.now() - this.lastAnswerAt;
    if (quiet < this.keepAliveMs) {
      this.keepAliveIn(Math.max(1, Math.ceil(this.keepAliveMs - quiet)));
      return;
    }
    this.request(scStatusRequest()).catch((e) =>
      this.log.warn({ code: toOpenBranchError(e, 'sip2.failed').code }, 'SIP2 keep-alive failed'),
    );
  };
}
