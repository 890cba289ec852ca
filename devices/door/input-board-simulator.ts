import { type SerialBinding, SerialLink } from '../serial/link.ts';
import { encodeLevel } from './codec/input-board.ts';

/** A microcontroller input board on the far end of a pty: reports levels, answers `?`. */
export class InputBoardSimulator {
  private readonly levels = new Map<number, 0 | 1>();
  private link: SerialLink | undefined;

  constructor(
    private readonly path: string,
    inputs: Record<number, 0 | 1>,
    private readonly binding?: SerialBinding,
  ) {
    for (const [n, level] of Object.entries(inputs)) this.levels.set(Number(n), level);
  }

  async start(): Promise<void> {
    this.link = await SerialLink.open({ path: this.path, baudRate: 9600, binding: this.binding });
    let pending = '';
    this.link.onData((chunk) => {
      pending += Buffer.from(chunk).toString('latin1');
      let nl = pending.indexOf('\n');
      while (nl >= 0) {
        // A board stopped while it answers has no one left to answer: not an error (an unhandled rejection in tests).
        if (pending.slice(0, nl).trim() === '?') this.reportAll().catch(() => undefined);
        pending = pending.slice(nl + 1);
        nl = pending.indexOf('\n');
      }
    });
  }

  async set(input: number, level: 0 | 1): Promise<void> {
    this.levels.set(input, level);
    await this.link?.write(encodeLevel(input, level));
  }

  private async reportAll(): Promise<void> {
    for (const [n, level] of this.levels) await this.link?.write(encodeLevel(n, level));
  }

  async stop(): Promise<void> {
    await this.link?.close();
    this.link = undefined;
  }
}
