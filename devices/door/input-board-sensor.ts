import type { InputBoardSensorConfig } from '../../shared/config/devices/door-sensor.ts';
import type { ByteLink } from '../serial/byte-link.ts';
import type { FrameSource } from '../serial/codec/exchange.ts';
import { Transactor } from '../serial/transactor.ts';
import { InputBoardParser, type InputLevel, QUERY } from './codec/input-board.ts';
import { PortContactSensor } from './port-contact-sensor.ts';

/** The input board's lines as frames; other lines are line noise. */
const levelFrames = (): FrameSource<InputLevel> => {
  const parser = new InputBoardParser();
  return {
    push: (chunk) =>
      parser
        .push(chunk)
        .map((p) => (p.type === 'level' ? { kind: 'frame', frame: p } : { kind: 'discarded', bytes: new TextEncoder().encode(p.line) })),
  };
};

/** A door contact read by a microcontroller input board (`IN<n>=<0|1>` lines). */
export class InputBoardSensor extends PortContactSensor<InputBoardSensorConfig> {
  readonly driver = 'input-board';
  private tx: Transactor<InputLevel> | undefined;

  /** Listens for level changes, then asks the board for every input (it answers with one line each). */
  protected override async attach(link: ByteLink): Promise<void> {
    const tx = new Transactor(link, levelFrames(), 0, this.log);
    this.tx = tx;
    tx.onFrame((level) => {
      if (level.input === this.config.input) this.contact.set(String(level.level) === this.config.openWhen ? 'open' : 'closed');
    });
    await tx.send(QUERY);
  }

  protected override detach(): void {
    this.tx?.dispose(this.notConnected());
    this.tx = undefined;
    super.detach();
  }
}
