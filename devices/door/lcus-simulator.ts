import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import { type SerialBinding, SerialLink } from '../serial/link.ts';
import { encodeLcus, LcusParser } from './codec/lcus.ts';

export interface LcusSimFrame {
  readonly channel: number;
  readonly on: boolean;
  /** The four bytes as received, hex. */
  readonly hex: string;
}

/**
 * An LCUS relay board on the far end of a pty: parses the real frames and
 * keeps each channel's state, as the board's relays would.
 */
export class LcusSimulator {
  readonly relays = new Map<number, boolean>();
  readonly frames: LcusSimFrame[] = [];
  readonly discarded: Uint8Array[] = [];
  private readonly events = new Emitter<{ frame: LcusSimFrame }>();
  private link: SerialLink | undefined;

  constructor(
    private readonly path: string,
    private readonly binding?: SerialBinding,
  ) {}

  async start(): Promise<void> {
    this.link = await SerialLink.open({ path: this.path, baudRate: 9600, binding: this.binding });
    const parser = new LcusParser();
    this.link.onData((chunk) => {
      for (const item of parser.push(chunk)) {
        if (item.type === 'discarded') {
          this.discarded.push(item.bytes);
          continue;
        }
        const frame = { channel: item.channel, on: item.on, hex: Buffer.from(encodeLcus(item.channel, item.on)).toString('hex') };
        this.relays.set(item.channel, item.on);
        this.frames.push(frame);
        this.events.emit('frame', frame);
      }
    });
  }

  onFrame(listener: (frame: LcusSimFrame) => void): Unsubscribe {
    return this.events.on('frame', listener);
  }

  async stop(): Promise<void> {
    await this.link?.close();
    this.link = undefined;
  }
}
