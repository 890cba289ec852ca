import { OpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import { type SerialBinding, SerialLink } from '../serial/link.ts';
import { encodeLcus } from './codec/lcus.ts';
import type { RelayBoard } from './relay-board.ts';

/**
 * LCUS-1/2/4/8 boards on a CH340 serial port. They do not answer, so the
 * state is the last command sent (the lock says so in readState()).
 */
export class LcusBoard implements RelayBoard {
  readonly driver = 'lcus';
  private link: SerialLink | undefined;
  private readonly lost = new Emitter<{ lost: string }>();

  constructor(
    private readonly port: string,
    private readonly baudRate: number,
    private readonly binding?: SerialBinding,
  ) {}

  async open(): Promise<void> {
    await this.link?.close();
    const link = await SerialLink.open({ path: this.port, baudRate: this.baudRate, binding: this.binding });
    this.link = link;
    link.onLost((reason) => {
      if (this.link !== link) return;
      this.link = undefined;
      this.lost.emit('lost', reason);
    });
  }

  async set(relay: number, on: boolean): Promise<void> {
    if (!this.link) throw new OpenBranchError('device.missing', `relay board on ${this.port} is not open`, { port: this.port });
    await this.link.write(encodeLcus(relay, on));
  }

  onLost(listener: (reason: string) => void): Unsubscribe {
    return this.lost.on('lost', listener);
  }

  async close(): Promise<void> {
    const link = this.link;
    this.link = undefined;
    await link?.close();
  }
}
