import type { DoorLock } from '../../../shared/devices/door.ts';

/** A lock relay that is always there and pulses at once, counting its pulses (tests of what the door decides, not of the relay). */
export function countingLock(): DoorLock & { readonly pulses: number } {
  let pulses = 0;
  const since = new Date().toISOString();
  return {
    kind: 'door-lock',
    id: 'lock',
    driver: 'test',
    get pulses() {
      return pulses;
    },
    open: async () => {},
    close: async () => {},
    status: () => ({ state: 'connected', since }),
    onStatus: () => () => {},
    pulse: async () => {
      pulses++;
    },
    hold: async () => {},
    release: async () => {},
    readState: async () => 'locked',
  };
}
