import type { InputBoardSensorConfig } from '../../shared/config/devices/door-sensor.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { ByteLink } from '../serial/byte-link.ts';
import { Transactor } from '../serial/transactor.ts';
import { type InputLevel, inputBoardFrames, QUERY } from './codec/input-board.ts';
import { PortContactSensor } from './port-contact-sensor.ts';

type Button = 'pressed' | 'released' | 'unknown';

/** A door contact read by a microcontroller input board (`IN<n>=<0|1>` lines), with the exit button on another input. */
export class InputBoardSensor extends PortContactSensor<InputBoardSensorConfig> {
  readonly driver = 'input-board';
  private tx: Transactor<InputLevel> | undefined;
  private readonly exits = new Emitter<{ exit: undefined }>();
  private button: Button = 'unknown';

  /** Listens for level changes, then asks the board for every input (it answers with one line each). */
  protected override async attach(link: ByteLink): Promise<void> {
    const tx = new Transactor(link, inputBoardFrames(), 0, this.log);
    this.tx = tx;
    const button = this.config.exitButton;
    // On a fresh connection the button is not known yet: one held down at connect is no press.
    this.button = 'unknown';
    tx.onFrame((level) => {
      if (level.input === this.config.input) this.contact.set(String(level.level) === this.config.openWhen ? 'open' : 'closed');
      else if (button && level.input === button.input) {
        const now = String(level.level) === button.pressedWhen ? 'pressed' : 'released';
        // A press is the edge from released into pressed; the board repeating a level is not a second press.
        const press = now === 'pressed' && this.button === 'released';
        this.button = now;
        if (press) this.exits.emit('exit', undefined);
      }
    });
    await tx.send(QUERY);
  }

  protected override detach(): void {
    this.tx?.dispose(this.notConnected());
    this.tx = undefined;
    this.button = 'unknown';
    super.detach();
  }

  /** The exit button as the board last reported it (for the technician's device test and tests). */
  exitButton(): Button {
    return this.button;
  }

  hasExitButton(): boolean {
    return this.config.exitButton !== undefined;
  }

  onExitRequest(listener: () => void): Unsubscribe {
    return this.exits.on('exit', () => listener());
  }
}
