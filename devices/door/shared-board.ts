import type { Unsubscribe } from '../../shared/events.ts';
import type { RelayBoard } from './relay-board.ts';

/**
 * One physical relay board used by several devices (lock on relay 1, siren
 * on relay 2). A serial port can be opened only once, so the devices get
 * views of one board: the first open() opens it, the last close() closes it,
 * and a lost board reopens once for everyone.
 */
export class SharedRelayBoard {
  private users = 0;
  private isOpen = false;
  private opening: Promise<void> | undefined;

  constructor(private readonly board: RelayBoard) {
    board.onLost(() => {
      this.isOpen = false;
    });
  }

  view(): RelayBoard {
    let counted = false;
    const share = this;
    const board = this.board;
    const view: RelayBoard = {
      driver: board.driver,
      async open() {
        if (!share.isOpen) {
          share.opening ??= board.open().then(
            () => {
              share.isOpen = true;
              share.opening = undefined;
            },
            (e: unknown) => {
              share.opening = undefined;
              throw e;
            },
          );
          await share.opening;
        }
        if (!counted) {
          counted = true;
          share.users++;
        }
      },
      set: (relay, on) => board.set(relay, on),
      onLost: (listener): Unsubscribe => board.onLost(listener),
      async close() {
        if (!counted) return;
        counted = false;
        share.users--;
        if (share.users === 0) {
          share.isOpen = false;
          await board.close();
        }
      },
    };
    if (board.read) view.read = (relay) => board.read!(relay);
    return view;
  }
}
