import * as z from 'zod';
import { isOpenBranchError } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import { PARSE } from '../../shared/parsing.ts';
import type { OpsLog, StaffActionKind } from '../door/ops-log.ts';
import type { KioskMetrics } from '../metrics/kiosk-metrics.ts';
import type { StaffDoor } from './staff-door.ts';

/** Why, in the staff member's words: required, one line, kept in the entry log. */
const reason = z
  .string()
  .trim()
  .min(3, 'say why (at least 3 characters)')
  .max(200)
  .regex(/^[^\p{Cc}]*$/u, 'one line of text');

export const unlockBody = (maxSeconds: number) => z.strictObject({ seconds: z.number().int().min(1).max(maxSeconds), reason });
export const reasonBody = z.strictObject({ reason });

export interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export interface StaffRoutesDeps {
  readonly door: StaffDoor | undefined;
  readonly ops: OpsLog;
  readonly metrics: KioskMetrics;
  readonly logger: Logger;
  readonly maxUnlockSeconds: number;
  readonly now?: () => Date;
}

const refuse = (status: number, code: string, message: string): Reply => ({ status, body: { ok: false, code, message } });

/**
 * The staff API's actions. Each changing action needs a reason and is
 * written to the entry log (who, what, why) as it is carried out; one the
 * door refuses (locked down, busy) switches nothing and is answered 409.
 * Answers hold the door's state, never patron data.
 */
export function staffRoutes(d: StaffRoutesDeps): (method: string, path: string, who: string, body: unknown) => Reply {
  const now = d.now ?? (() => new Date());
  const log = d.logger.child({ subsystem: 'staff-api' });
  const record = (who: string, action: StaffActionKind, why: string, seconds?: number) => {
    d.ops.staffAction(now(), who, action, why, seconds);
    d.metrics.staffAction(action);
    // The reason stays in the entry log: free text may name someone.
    log.info({ who, action, seconds }, 'staff action');
  };
  const act = (door: StaffDoor, run: () => Record<string, unknown>): Reply => {
    try {
      return { status: 200, body: { ok: true, ...run(), status: door.status() } };
    } catch (e) {
      if (isOpenBranchError(e)) return refuse(e.code === 'door.no-lock' ? 503 : 409, e.code, e.message);
      throw e;
    }
  };
  const parse = <T>(schema: z.ZodType<T>, body: unknown): T | Reply => {
    const r = schema.safeParse(body, PARSE);
    return r.success
      ? r.data
      : refuse(400, 'staff.bad-request', r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  };
  const isReply = (x: unknown): x is Reply => typeof x === 'object' && x !== null && 'status' in x && 'body' in x;

  return (method, path, who, body) => {
    const door = d.door;
    if (!door) return refuse(503, 'staff.no-door', 'this install runs no door controller');
    const routes: Record<string, () => Reply> = {
      'GET /v1/status': () => ({ status: 200, body: { ok: true, status: door.status() } }),
      'GET /v1/occupancy': () => {
        const s = door.status();
        return { status: 200, body: { ok: true, occupancy: s.occupancy, lockup: s.lockup } };
      },
      'POST /v1/unlock': () => {
        const p = parse(unlockBody(d.maxUnlockSeconds), body);
        if (isReply(p)) return p;
        return act(door, () => {
          door.unlock(p.seconds * 1000); // throws (nothing switched) while locked down or busy
          record(who, 'unlock', p.reason, p.seconds);
          return { unlockedForSeconds: p.seconds };
        });
      },
      'POST /v1/lockdown': () => {
        const p = parse(reasonBody, body);
        if (isReply(p)) return p;
        return act(door, () => {
          record(who, 'lockdown', p.reason);
          door.lockdown({ since: now(), who, reason: p.reason });
          return {};
        });
      },
      'POST /v1/clear': () => {
        const p = parse(reasonBody, body);
        if (isReply(p)) return p;
        return act(door, () => {
          record(who, 'clear', p.reason);
          door.lockdown(undefined);
          door.clearAlarm();
          return {};
        });
      },
    };
    const route = routes[`${method} ${path}`];
    if (route) return route();
    const known = Object.keys(routes).some((k) => k.endsWith(` ${path}`));
    return known ? refuse(405, 'staff.method', `${method} is not allowed here`) : refuse(404, 'staff.not-found', `no ${path}`);
  };
}
