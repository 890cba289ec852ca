import type { DoorConfig } from '../../shared/config/door.ts';
import type { CentralSystem } from '../../shared/domain/central.ts';
import { isTransient } from '../../shared/errors.ts';
import type { DoorDecision } from '../machines/door-entry.ts';
import { denialReason, isStaff } from './eligibility.ts';
import { localTime, modeAt } from './schedule.ts';

/**
 * The door's decision for one card and PIN at one instant: the opening
 * schedule plus the eligibility rules over what the central system says.
 * The door controller and `openbranch door decide` both call this.
 */
export async function decideEntry(o: {
  readonly central: CentralSystem;
  readonly rules: DoorConfig;
  readonly timeZone: string;
  readonly card: string;
  readonly pin: string;
  readonly at: Date;
}): Promise<DoorDecision> {
  if (o.pin === '') return { grant: false, reason: 'empty-pin' };
  let patron: Awaited<ReturnType<CentralSystem['patronInformation']>>;
  try {
    patron = await o.central.patronInformation(o.card, o.pin);
  } catch (e) {
    return { grant: false, reason: isTransient(e) ? 'offline' : 'error' };
  }
  const reason = denialReason(patron, o.pin, modeAt(o.rules.schedule, o.timeZone, o.at), o.rules, localTime(o.at, o.timeZone).date);
  return reason ? { grant: false, reason } : { grant: true, staff: isStaff(patron, o.rules) };
}
