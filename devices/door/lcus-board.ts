import { OpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import { silentLogger } from '../../shared/logger.ts';
import { type SerialBinding, SerialLink } from '../serial/link.ts';
import { Transactor } from '../serial/transactor.ts';
import { encodeLcus } from './codec/lcus.ts';
import type { RelayBoard } from './relay-board.ts';

/** LCUS boards never answer: nothing they send is a frame. */
const silent = { push: () => [] };

/**
 * LCUS-1/2/4/8 boards on a CH340 serial port. They do not answer, so the
 * state is the last command sent (the lock says so in readState()).
 */
export class LcusBoard implements RelayBoard {
  readonly driver = 'lcus';
  private current: { readonly link: SerialLink; readonly tx: Transactor<never> } | undefined;
  private readonly lost = new Emitter<{ lost: string }>();

  constructor(
    private readonly port: string,
    private readonly baudRate: number,
    private readonly binding?: SerialBinding,
  ) {}

  async open(): Promise<void> {
    await this.close();
    const link = await SerialLink.open({ path: this.port, baudRate: this.baudRate, binding: this.binding });
    const current = { link, tx: new Transactor<never>(link, silent, 0, silentLogger) };
    this.current = current;
    link.onLost((reason) => {
      if (this.current !== current) return;
      this.current = undefined;
      current.tx.dispose(new OpenBranchError('device.missing', reason));
      this.lost.emit('lost', reason);
    });
  }

  async set(relay: number, on: boolean): Promise<void> {
    if (!this.current) throw new OpenBranchError('device.missing', `relay board on ${this.port} is not open`, { port: this.port });
    await this.current.tx.send(encodeLcus(relay, on));
  }

  onLost(listener: (reason: string) => void): Unsubscribe {
    return this.lost.on('lost', listener);
  }

  async close(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    current?.tx.dispose(new OpenBranchError('device.missing', 'relay board closed'));
    await current?.link.close();
  }
}
