import type { KioskConfig } from '../../shared/config/schema.ts';
import type { Logger } from '../../shared/logger.ts';
import type { DoorController } from '../door/door-controller.ts';
import type { OpsLog } from '../door/ops-log.ts';
import type { KioskMetrics } from '../metrics/kiosk-metrics.ts';
import { staffRoutes } from '../staff-api/routes.ts';
import { type StaffApiServer, startStaffApi } from '../staff-api/server.ts';
import type { StaffDoor } from '../staff-api/staff-door.ts';

/** The door controller as the staff API sees it: state and the three actions, no patron data. */
export function staffDoor(door: DoorController, branch: string): StaffDoor {
  return {
    status: () => {
      const v = door.view();
      return {
        branch,
        mode: v.mode,
        step: v.step,
        lock: v.lock,
        contact: v.contact,
        alarm: v.alarm ?? null,
        lockdown: door.lockdownState() ?? null,
        offline: v.offline,
        occupancy: door.occupancy(),
        lockup: door.lockup(),
        nextChange: v.nextChange ?? null,
      };
    },
    unlock: (ms) => door.remoteUnlock(ms),
    lockdown: (value) => door.setLockdown(value && { since: value.since.toISOString(), who: value.who, reason: value.reason }),
    clearAlarm: () => door.clearAlarm(),
  };
}

/** Starts the staff API when configured. A port in use is logged; the kiosk still serves patrons. */
export async function startStaffApiOrWarn(o: {
  readonly config: KioskConfig;
  readonly door: DoorController | undefined;
  readonly ops: OpsLog;
  readonly metrics: KioskMetrics;
  readonly logger: Logger;
}): Promise<StaffApiServer | undefined> {
  const c = o.config.staffApi;
  if (!c.enabled) return undefined;
  const handle = staffRoutes({
    door: o.door && staffDoor(o.door, o.config.branch.id),
    ops: o.ops,
    metrics: o.metrics,
    logger: o.logger,
    maxUnlockSeconds: c.maxUnlockSeconds,
  });
  try {
    return await startStaffApi({ config: c, handle, logger: o.logger });
  } catch (e) {
    o.logger.error({ err: e instanceof Error ? e.message : String(e), port: c.port }, 'staff API not started');
    return undefined;
  }
}
