import type { Transports } from '../../devices/driver.ts';
import { nodeHidBinding } from '../../devices/hid/node-hid-binding.ts';

/** The real transports: node-hid (loaded on first use) and serialport's native bindings. */
export function realTransports(): Transports {
  return { hid: nodeHidBinding() };
}
