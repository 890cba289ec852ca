import type { ReturnRoute } from '../../../shared/domain/central.ts';
import type { CheckinResponse } from './codec/responses.ts';

/**
 * Where a returned item goes, from a 10 response: CV alert type 01 (hold
 * here) and 02 (hold elsewhere), 04 (send to another library), or a CT
 * destination other than this branch; otherwise back to the shelf.
 */
export function checkinRoute(r: CheckinResponse, location: string): ReturnRoute {
  const hold = {
    ...(r.holdPatronId ? { holdPatron: r.holdPatronId } : {}),
    ...(r.holdPatronName ? { holdPatronName: r.holdPatronName } : {}),
  };
  const destination = r.destinationLocation;
  if (r.alertType === '01' || (r.holdPatronId && (!destination || destination === location))) {
    return { kind: 'hold-shelf', ...hold, pickupLocation: destination ?? location };
  }
  if (destination && destination !== location)
    return { kind: 'transit', destination, ...(r.holdPatronId ? { holdPatron: r.holdPatronId } : {}) };
  if (r.alertType === '99' || (!r.ok && r.alert)) return { kind: 'staff', reason: 'alert' };
  return {
    kind: 'shelf',
    ...(r.permanentLocation ? { location: r.permanentLocation } : {}),
    ...(r.callNumber ? { callNumber: r.callNumber } : {}),
  };
}
