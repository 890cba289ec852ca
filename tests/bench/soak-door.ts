import { waitFor } from 'xstate';
import type { RunningKiosk } from '../../main/app/start-kiosk.ts';

/** A meröppet patron at the door (Anna in the demo data), and a PIN that is not hers. */
const MEMBER = { card: '23000000000017', pin: '1234' };
const WRONG_PIN = '0000';

/**
 * Door traffic for the soak: card and PIN at the door terminal, through
 * the door with the simulated contact, now and then a wrong PIN. Counts
 * what the door did, to compare with its entry log at the end.
 */
export class SoakDoor {
  granted = 0;
  denied = 0;
  /** Refusals other than the wrong PINs the soak types on purpose. */
  readonly unexpected = new Map<string, number>();

  constructor(private readonly kiosk: RunningKiosk) {}

  /** Monday 06:30 in Stockholm: unstaffed hours for the whole compressed hour. */
  openHours(): void {
    this.kiosk.core.simulator!.act({ type: 'sim.clock.set', at: '2026-11-30T06:30:00+01:00' });
  }

  async entry(wrongPin: boolean): Promise<void> {
    const door = this.kiosk.door!;
    door.dispatch({ type: 'door.card', number: MEMBER.card });
    for (const digit of wrongPin ? WRONG_PIN : MEMBER.pin) door.dispatch({ type: 'door.digit', digit });
    door.dispatch({ type: 'door.submit' });
    const snap = await waitFor(door.actor, (s) => ['passing', 'denied'].includes((s.value as { entry: string }).entry), {
      timeout: 30_000,
    });
    const sensor = this.kiosk.devices.simulated.sensor!;
    if ((snap.value as { entry: string }).entry === 'passing') {
      this.granted++;
      sensor.set('open');
      sensor.set('closed');
      await waitFor(door.actor, (s) => (s.value as { entry: string }).entry === 'idle', { timeout: 10_000 });
      return;
    }
    this.denied++;
    const reason = snap.context.reason ?? 'error';
    if (!(wrongPin && reason === 'wrong-pin')) this.unexpected.set(reason, (this.unexpected.get(reason) ?? 0) + 1);
    door.dispatch({ type: 'door.cancel' });
  }
}
