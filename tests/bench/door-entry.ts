import { RelayLock } from '../../devices/door/relay-lock.ts';
import { SimulatedRelayBoard } from '../../devices/door/simulated-board.ts';
import { DoorController } from '../../main/door/door-controller.ts';
import type { EntryCache } from '../../main/door/entry-cache.ts';
import { noopMetrics } from '../../main/metrics/kiosk-metrics.ts';
import type { PinAttempts } from '../../main/security/pin-attempts.ts';
import type { DoorConfig } from '../../shared/config/door.ts';
import type { CentralSystem } from '../../shared/domain/central.ts';
import { silentLogger } from '../../shared/logger.ts';
import { nowMs } from './stats.ts';

const ANNA = { card: '23000000000017', pin: '1234' };
// Monday 06:05 in Stockholm: unstaffed hours.
const AT = new Date('2026-11-30T05:05:00Z');

/**
 * One entry at a fresh door (the real controller and machine, a relay lock
 * on a simulated board): milliseconds from the PIN submitted (the card was
 * read before it) to the lock relay switching on.
 */
export async function timeDoorEntry(o: {
  central: CentralSystem;
  rules: DoorConfig;
  cache?: EntryCache;
  attempts?: PinAttempts;
}): Promise<number> {
  const board = new SimulatedRelayBoard();
  const lock = new RelayLock('lock', board, 1, silentLogger);
  await lock.open();
  const door = new DoorController({
    rules: o.rules,
    timeZone: 'Europe/Stockholm',
    central: o.central,
    lock,
    sensor: undefined,
    alarmOutputs: [],
    log: undefined,
    cache: o.cache,
    metrics: noopMetrics,
    logger: silentLogger,
    clock: { now: () => AT },
    attempts: o.attempts,
  });
  const relayOn = new Promise<number>((resolve) => board.onChange((c) => c.on && resolve(nowMs())));
  door.dispatch({ type: 'door.card', number: ANNA.card });
  for (const digit of ANNA.pin) door.dispatch({ type: 'door.digit', digit });
  const started = nowMs();
  door.dispatch({ type: 'door.submit' });
  const ms = (await relayOn) - started;
  await door.stop();
  return ms;
}
