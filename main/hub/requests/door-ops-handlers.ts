import type { DoorController } from '../../door/door-controller.ts';
import type { OpsLog } from '../../door/ops-log.ts';
import type { RequestHandlers } from '../request-router.ts';

/** Tailgates for staff: the card as the entry log's key, shortened (the same card twice is visible, the number never). */
export const tailgateRows = (ops: OpsLog, from: string, to: string) =>
  ops
    .tailgates(from, to)
    .map((t) => ({ at: t.at, followers: t.followers, card: t.cardHash === null ? null : `#${t.cardHash.slice(0, 8)}` }));

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
        tailgates: tailgateRows(ops, from, to).reverse(),
        staffActions: ops
          .staffActions(from, to)
          .reverse()
          .map((a) => ({ ...a })),
      };
    },
  };
}
