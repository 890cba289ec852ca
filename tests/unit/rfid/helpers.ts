import { createItemPad, type ReaderItemPad, type SimulatedRfidReader, simulatedReader } from '../../../devices/rfid/index.ts';
import { RFID_READERS } from '../../../main/devices/drivers.ts';
import type { DeviceConfig } from '../../../shared/config/devices/index.ts';
import type { PadEvent } from '../../../shared/devices/rfid.ts';
import { silentLogger } from '../../../shared/logger.ts';

/** The embedded default as a fixture: real driver + simulator over the in-memory cable, fast polling. */
export function simulatedSetup(extra: Partial<Record<string, unknown>> = {}): {
  reader: SimulatedRfidReader;
  pad: ReaderItemPad;
  events: PadEvent[];
  config: DeviceConfig;
} {
  const config = {
    id: 'pad',
    kind: 'rfid',
    driver: 'simulated',
    enabled: true,
    pollIntervalMs: 20,
    reconnectMs: 50,
    ...extra,
  } as DeviceConfig;
  const reader = simulatedReader(RFID_READERS, config, silentLogger);
  const pad = createItemPad(reader, { logger: silentLogger });
  const events: PadEvent[] = [];
  pad.onEvent((e) => events.push(e));
  pad.start();
  return { reader, pad, events, config };
}

export { until } from '../../support/patience.ts';
