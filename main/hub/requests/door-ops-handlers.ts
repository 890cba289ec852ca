import type { DoorController } from '../../door/door-controller.ts';
import type { OpsLog } from '../../door/ops-log.ts';
import type { RequestHandlers } from '../request-router.ts';

/**
 * door.status for the technician screen's night-operations tab. A tailgate's
 * card is shown as the entry log's key, shortened: enough to see the same
 * card twice, never the number.
 */
export function doorOpsHandlers(
  door: DoorController | undefined,
  ops: OpsLog,
  now = () => new Date(),
): Pick<RequestHandlers, 'door.status'> {
  return {
    'door.status': async ({ days }: { days: number }) => {
      const from = new Date(now().getTime() - days * 86_400_000).toISOString().slice(0, 10);
      const to = now().toISOString().slice(0, 10);
      return {
        occupancy: door?.occupancy() ?? null,
        lockup: door?.lockup() ?? 'open',
        lockdown: door?.lockdownState() ?? null,
        tailgates: ops
          .tailgates(from, to)
          .reverse()
          .map((t) => ({ at: t.at, followers: t.followers, card: t.cardHash === null ? null : `#${t.cardHash.slice(0, 8)}` })),
        staffActions: ops
          .staffActions(from, to)
          .reverse()
          .map((a) => ({ ...a })),
      };
    },
  };
}
