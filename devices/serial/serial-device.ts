import type { Unsubscribe } from '../../shared/events.ts';
import { TrackedDevice } from '../tracked-device.ts';
import type { ByteLink, LinkOpener } from './byte-link.ts';

/**
 * The lifecycle of every device on a byte link, written once: open the
 * link, speak (attach), report `missing` when the link goes, close. The
 * device manager alone reopens a lost device (by calling open() again);
 * a driver only polls and speaks its protocol in `attach`/`detach`.
 */
export abstract class SerialDevice<L extends ByteLink = ByteLink> extends TrackedDevice {
  #session: { readonly link: L; readonly stops: Unsubscribe[] } | undefined;

  constructor(private readonly openLink: LinkOpener<L>) {
    super();
  }

  async open(): Promise<void> {
    await this.drop();
    const link = await this.connecting(this.openLink);
    const current = { link, stops: [] as Unsubscribe[] };
    this.#session = current;
    current.stops.push(
      link.onData((chunk) => this.receive(chunk)),
      link.onLost((reason) => {
        if (this.#session === current) void this.lost(reason);
      }),
    );
    try {
      await this.attach(link);
    } catch (e) {
      await this.drop();
      throw this.failed(e);
    }
    this.connected();
  }

  /** Starts speaking over a freshly opened link (polling, a first query). */
  protected attach(_link: L): void | Promise<void> {}

  /** Bytes from the device, for drivers that read a stream rather than run exchanges. */
  protected receive(_chunk: Uint8Array): void {}

  /** Stops speaking: the link is gone or being closed (clear timers, forget state). */
  protected detach(): void {}

  /** Gives up on the link (it went away, or the device stopped answering): `missing` until reopened. */
  protected async lost(reason: string): Promise<void> {
    const current = this.stop();
    if (!current) return;
    this.lose(reason);
    await current.link.close().catch(() => undefined);
  }

  /** The open link; throws device.missing (the manager's cue to reopen) when there is none. */
  protected link(): L {
    if (!this.#session) throw this.notConnected();
    return this.#session.link;
  }

  protected get isLinked(): boolean {
    return this.#session !== undefined;
  }

  /** Stops listening and speaking at once (the status may change right after, before the link is closed). */
  private stop(): { readonly link: L } | undefined {
    const current = this.#session;
    this.#session = undefined;
    if (!current) return undefined;
    for (const stop of current.stops) stop();
    this.detach();
    return current;
  }

  private async drop(): Promise<void> {
    await this.stop()
      ?.link.close()
      .catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.drop();
    this.closed();
  }
}
