import type { RelayOutput } from '../../shared/devices/door.ts';
import type { RelayRole } from '../../shared/devices/kinds.ts';
import type { RelayBoard } from './relay-board.ts';
import { RelayDevice } from './relay-device.ts';

/** A siren, alarm input or light on one relay channel; switched off at open and close. */
export class BoardRelayOutput extends RelayDevice implements RelayOutput {
  readonly kind = 'relay-output';

  constructor(
    id: string,
    readonly role: RelayRole,
    board: RelayBoard,
    relay: number,
  ) {
    super(id, board, relay);
  }

  protected override off(): Promise<void> {
    return this.board.set(this.relay, false);
  }

  async set(on: boolean): Promise<void> {
    if (this.status().state !== 'connected') throw this.notConnected();
    await this.board.set(this.relay, on);
  }
}
