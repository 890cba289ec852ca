import { Emitter, type Unsubscribe } from '../../shared/events.ts';

/** online: send; offline: serve within policy; recovering: link is back, replay runs, new work still queued. */
export type LinkMode = 'online' | 'offline' | 'recovering';

export interface SwitchOptions {
  readonly failuresToOffline: number;
  readonly onlineAfterMs: number;
  readonly now: () => number;
  readonly initial: LinkMode;
}

/**
 * When the kiosk stops trusting the link and when it trusts it again,
 * with hysteresis: N failures in a row (or the client losing its
 * connection) go offline; a good probe held for a while comes back. A
 * link that has never failed since start may come back at once.
 */
export class OnlineSwitch {
  private current: LinkMode;
  private failures = 0;
  private goodSince: number | undefined;
  private everFailed = false;
  private readonly events = new Emitter<{ mode: LinkMode }>();

  constructor(private readonly o: SwitchOptions) {
    this.current = o.initial;
  }

  get mode(): LinkMode {
    return this.current;
  }

  onChange(listener: (mode: LinkMode) => void): Unsubscribe {
    return this.events.on('mode', listener);
  }

  /** A request failed for transport reasons (timeout, disconnect). */
  failure(): void {
    this.failures++;
    this.goodSince = undefined;
    if (this.current !== 'offline' && this.failures >= this.o.failuresToOffline) this.goOffline();
  }

  /** The central system's client says it has no connection. */
  linkDown(): void {
    this.goodSince = undefined;
    if (this.current !== 'offline') this.goOffline();
  }

  /** A request or probe got an answer. */
  success(): void {
    this.failures = 0;
    if (this.current === 'offline') this.goodSince ??= this.o.now();
  }

  /** Offline long enough with a good link: start replaying. */
  readyToRecover(): boolean {
    if (this.current !== 'offline' || this.goodSince === undefined) return false;
    return !this.everFailed || this.o.now() - this.goodSince >= this.o.onlineAfterMs;
  }

  set(mode: LinkMode): void {
    if (mode === this.current) return;
    this.current = mode;
    this.events.emit('mode', mode);
  }

  private goOffline(): void {
    this.everFailed = true;
    this.set('offline');
  }
}
