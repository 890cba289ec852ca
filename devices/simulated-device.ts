import { TrackedDevice } from './tracked-device.ts';

/** A device of the embedded default: nothing to open, always there until closed. */
export abstract class SimulatedDevice extends TrackedDevice {
  readonly driver = 'simulated';

  constructor(readonly id: string) {
    super();
  }

  async open(): Promise<void> {
    this.connected();
  }

  async close(): Promise<void> {
    this.closed();
  }
}
