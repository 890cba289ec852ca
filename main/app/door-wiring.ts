import type { KioskConfig } from '../../shared/config/schema.ts';
import type { CentralSystem } from '../../shared/domain/central.ts';
import type { Logger } from '../../shared/logger.ts';
import { CacheRefresh } from '../door/cache-refresh.ts';
import type { ScheduleClock } from '../door/door-clock.ts';
import { DoorController } from '../door/door-controller.ts';
import { EntryCache } from '../door/entry-cache.ts';
import type { EntryLog } from '../door/entry-log.ts';
import { OpsLog } from '../door/ops-log.ts';
import type { KioskMetrics } from '../metrics/kiosk-metrics.ts';
import type { InstallKey } from '../security/install-key.ts';
import type { PinAttempts } from '../security/pin-attempts.ts';
import type { Db } from '../storage/database.ts';
import type { KioskDevices } from './device-wiring.ts';

const PRUNE_EVERY_MS = 6 * 3600_000;

/** Cards read at the door belong to the door; the rest start self-service sessions. */
export const isDoorReader = (config: KioskConfig, reader: { readonly id: string }): boolean =>
  config.door.enabled && config.door.cardReaders.includes(reader.id);

export interface DoorParts {
  readonly door: DoorController | undefined;
  readonly entryLog: EntryLog;
  /** The offline entry cache's background re-check (undefined without offline entry). */
  readonly refresh: CacheRefresh | undefined;
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
  /** The patron PIN attempt limit shared with the self-service screens. */
  readonly attempts?: PinAttempts | undefined;
  /** Keys the offline entry cache's cards (HMAC) and seals them for the background re-check. */
  readonly installKey: InstallKey;
  /** The door cannot be kept running: end the process (the lock is released first). */
  readonly fatal?: (reason: string) => void;
}): DoorParts {
  const { config, devices, entryLog, logger } = o;
  const cache =
    config.door.enabled && config.door.offlineEntry.enabled ? new EntryCache(o.db, config.door.offlineEntry.days, o.installKey) : undefined;
  const refresh = cache
    ? new CacheRefresh(cache, o.central, config.door, config.branch.timezone, logger.child({ subsystem: 'door' }))
    : undefined;
  refresh?.start();
  const ops = new OpsLog(o.db);
  const prune = () => {
    const pruned = entryLog.prune(new Date(), config.door.logRetention);
    ops.prune(new Date(), config.door.logRetention.days);
    if (pruned.identities + pruned.entries > 0) logger.info(pruned, 'entry log pruned (retention)');
    cache?.prune();
    o.attempts?.prune();
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
        attempts: o.attempts,
        ...(o.fatal ? { fatal: o.fatal } : {}),
      })
    : undefined;
  return {
    door,
    entryLog,
    refresh,
    ops,
    stop: async () => {
      clearInterval(timer);
      refresh?.stop();
      await door?.stop();
    },
  };
}
