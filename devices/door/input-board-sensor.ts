import type { InputBoardSensorConfig } from '../../shared/config/devices/door-sensor.ts';
import type { ByteLink } from '../serial/byte-link.ts';
import { Transactor } from '../serial/transactor.ts';
import { type InputLevel, inputBoardFrames, QUERY } from './codec/input-board.ts';
import { PortContactSensor } from './port-contact-sensor.ts';

/** A door contact read by a microcontroller input board (`IN<n>=<0|1>` lines). */
export class InputBoardSensor extends PortContactSensor<InputBoardSensorConfig> {
  readonly driver = 'input-board';
  private tx: Transactor<InputLevel> | undefined;

  /** Listens for level changes, then asks the board for every input (it answers with one line each). */
  protected override async attach(link: ByteLink): Promise<void> {
    const tx = new Transactor(link, inputBoardFrames(), 0, this.log);
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
