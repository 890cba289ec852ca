import type { ComponentType } from 'react';
import { CentralPanel, DevicesPanel, DoorPanel, NightPanel, OccupancyPanel, QueuePanel } from './panels.tsx';

/**
 * The boxes on the overview, in order. A new one (a warning, occupancy,
 * the catalogue's harvest) is a component that renders a <Panel> plus
 * one line here.
 */
export const OVERVIEW_PANELS: ReadonlyArray<{ readonly id: string; readonly Panel: ComponentType }> = [
  { id: 'central', Panel: CentralPanel },
  { id: 'devices', Panel: DevicesPanel },
  { id: 'queue', Panel: QueuePanel },
  { id: 'door', Panel: DoorPanel },
  { id: 'night', Panel: NightPanel },
  { id: 'occupancy', Panel: OccupancyPanel },
];

/** How the kiosk is doing at a glance, each box leading to its tab. */
export function OverviewTab() {
  return (
    <div className="panels">
      {OVERVIEW_PANELS.map(({ id, Panel }) => (
        <Panel key={id} />
      ))}
    </div>
  );
}
