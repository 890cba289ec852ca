import type { KioskConfig } from '../../shared/config/schema.ts';
import type { Logger } from '../../shared/logger.ts';
import { DEMO_ITEMS, DEMO_PATRONS } from '../central/demo/data.ts';
import type { DemoCentral } from '../central/index.ts';
import type { DemoClock } from '../door/door-clock.ts';
import type { DoorController } from '../door/door-controller.ts';
import type { KioskDevices } from './device-wiring.ts';
import { SimulatorPanelControl } from './simulator-control.ts';

/**
 * The /simulator panel, in demo mode only (`demo: true`, the embedded
 * default): the demo cards and items, the simulated pad, card reader and
 * door contact, the demo ACS's network switch and the door's schedule
 * clock. Outside demo mode there is no panel, so no bridge message can
 * reach a simulated device, the network switch or a clock.
 */
export function simulatorPanel(o: {
  readonly config: KioskConfig;
  readonly devices: KioskDevices;
  readonly demo: DemoCentral | undefined;
  readonly door: DoorController | undefined;
  /** Demo mode's door schedule clock. */
  readonly clock: DemoClock | undefined;
  readonly region: Readonly<Record<string, string>>;
  readonly logger: Logger;
}): SimulatorPanelControl | undefined {
  const { config, devices, demo, door, clock, region, logger } = o;
  if (!config.demo) return undefined;
  return new SimulatorPanelControl(
    devices.simulated,
    {
      patrons: demo ? DEMO_PATRONS.map((p) => ({ cardNumber: p.cardNumber, pin: p.pin, name: p.name, note: p.note })) : [],
      items: demo
        ? DEMO_ITEMS.map((i) => ({ itemId: i.itemId, title: i.title, parts: i.parts, owner: region[i.owner] ?? i.owner, note: i.note }))
        : [],
      ...(demo
        ? {
            lookup: async (itemId: string) => {
              const i = await demo.item(itemId);
              return i && { itemId: i.itemId, title: i.title, parts: i.parts, owner: region[i.owner] ?? i.owner, note: i.note };
            },
          }
        : {}),
    },
    {
      ...(demo ? { setCentralOffline: (offline: boolean) => demo.misbehave(offline ? { kind: 'drop' } : { kind: 'normal' }) } : {}),
      ...(clock ? { setClock: (at: Date | null) => clock.set(at) } : {}),
      ...(door
        ? {
            doorState: () => {
              const v = door.view();
              return { contact: v.contact, lock: v.lock, alarm: v.alarm !== undefined };
            },
            onDoorChange: (l: () => void) => door.onView(() => l()),
            occupancy: () => door.occupancy(),
          }
        : {}),
    },
    logger,
    devices.simulated.padSettings?.afiInLibrary,
    devices.simulated.padSettings?.security,
  );
}
