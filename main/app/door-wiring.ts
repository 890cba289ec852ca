import type { KioskConfig } from '../../shared/config/schema.ts';
import type { CentralSystem } from '../../shared/domain/central.ts';
import type { Logger } from '../../shared/logger.ts';
import type { ScheduleClock } from '../door/door-clock.ts';
import { DoorController } from '../door/door-controller.ts';
import { EntryCache } from '../door/entry-cache.ts';
import type { EntryLog } from '../door/entry-log.ts';
import { OpsLog } from '../door/ops-log.ts';
import type { KioskMetrics } from '../metrics/kiosk-metrics.ts';
import type { Db } from '../storage/database.ts';
import type { KioskDevices } from './device-wiring.ts';

const PRUNE_EVERY_MS = 6 * 3600_000;

/** Cards read at the door belong to the door; the rest start self-service sessions. */
export const isDoorReader = (config: KioskConfig, reader: { readonly id: string }): boolean =>
  config.door.enabled && config.door.cardReaders.includes(reader.id);

export interface DoorParts {
  readonly door: DoorController | undefined;
  readonly entryLog: EntryLog;
  readonly ops: OpsLog;
  stop(): Promise<void>;
}

/**
 * The unstaffed branch's door from config and devices: the controller with
 * its lock, contact, readers, keypad and relay outputs by role, the offline
 * entry cache, and the entry log's retention pruning (at start, then every
 * six hours). The door asks the central system directly, never through the
 * loan queue.
 */
export function startDoor(o: {
  readonly config: KioskConfig;
  readonly devices: KioskDevices;
  readonly central: CentralSystem;
  readonly db: Db;
  readonly entryLog: EntryLog;
  readonly metrics: KioskMetrics;
  readonly logger: Logger;
  /** Demo mode's settable clock for the opening hours; otherwise the wall clock. */
  readonly clock?: ScheduleClock | undefined;
}): DoorParts {
  const { config, devices, entryLog, logger } = o;
  const cache =
    config.door.enabled && config.door.offlineEntry.enabled
      ? new EntryCache(o.db, config.door.offlineEntry.days, entryLog.cardKey)
      : undefined;
  const ops = new OpsLog(o.db);
  const prune = () => {
    const pruned = entryLog.prune(new Date(), config.door.logRetention);
    ops.prune(new Date(), config.door.logRetention.days);
    if (pruned.identities + pruned.entries > 0) logger.info(pruned, 'entry log pruned (retention)');
    cache?.prune();
  };
  prune();
  const timer = setInterval(prune, PRUNE_EVERY_MS);
  timer.unref();
  const manager = devices.manager;
  const door = config.door.enabled
    ? new DoorController({
        rules: config.door,
        timeZone: config.branch.timezone,
        central: o.central,
        lock: manager.doorLock(),
        sensor: manager.doorSensor(),
        alarmOutputs: [...manager.outputs('siren'), ...manager.outputs('alarm')],
        cardReaders: devices.cardReaders.filter((r) => isDoorReader(config, r)),
        pinPad: manager.pinPad(),
        lamps: manager.outputs('door-lamp'),
        lights: manager.outputs('lights'),
        alarmArm: manager.outputs('alarm-arm'),
        counter: manager.peopleCounter(),
        cameras: manager.outputs('camera-trigger'),
        speak: config.policies.sounds,
        log: entryLog,
        ops,
        cache,
        metrics: o.metrics,
        logger: logger.child({ subsystem: 'door' }),
        ...(o.clock ? { clock: o.clock } : {}),
      })
    : undefined;
  return {
    door,
    entryLog,
    ops,
    stop: async () => {
      clearInterval(timer);
      await door?.stop();
    },
  };
}
