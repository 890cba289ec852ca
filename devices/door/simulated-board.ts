import { OpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { RelayBoard } from './relay-board.ts';

/** An in-memory relay board for the embedded default and for lock logic tests. */
export class SimulatedRelayBoard implements RelayBoard {
  readonly driver = 'simulated';
  /** Relay states, channel -> on; what the "hardware" is doing. */
  readonly relays = new Map<number, boolean>();
  /** Every command in order, as `<relay>:on|off`. */
  readonly commands: string[] = [];
  private present = true;
  private opened = false;
  private readonly events = new Emitter<{ lost: string; change: { relay: number; on: boolean } }>();

  async open(): Promise<void> {
    if (!this.present) throw new OpenBranchError('device.missing', 'simulated relay board unplugged');
    this.opened = true;
  }

  async set(relay: number, on: boolean): Promise<void> {
    if (!this.present || !this.opened) throw new OpenBranchError('device.missing', 'simulated relay board is not open');
    this.commands.push(`${relay}:${on ? 'on' : 'off'}`);
    this.relays.set(relay, on);
    this.events.emit('change', { relay, on });
  }

  async read(relay: number): Promise<boolean> {
    if (!this.present || !this.opened) throw new OpenBranchError('device.missing', 'simulated relay board is not open');
    return this.relays.get(relay) ?? false;
  }

  /** A USB relay loses power when unplugged: every relay drops off. */
  unplug(): void {
    this.present = false;
    this.opened = false;
    this.relays.clear();
    this.events.emit('lost', 'unplugged');
  }

  plug(): void {
    this.present = true;
  }

  onChange(listener: (change: { relay: number; on: boolean }) => void): Unsubscribe {
    return this.events.on('change', listener);
  }

  onLost(listener: (reason: string) => void): Unsubscribe {
    return this.events.on('lost', listener);
  }

  async close(): Promise<void> {
    this.opened = false;
  }
}
