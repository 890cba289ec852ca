import type { ComponentType } from 'react';
import { CentralTab } from './tabs/CentralTab.tsx';
import { DevicesTab } from './tabs/devices/DevicesTab.tsx';
import { LogsTab } from './tabs/LogsTab.tsx';
import { NightOpsTab } from './tabs/NightOpsTab.tsx';
import { OverviewTab } from './tabs/overview/OverviewTab.tsx';
import { QueueTab } from './tabs/QueueTab.tsx';
import { ReportTab } from './tabs/ReportTab.tsx';
import { ScheduleTab } from './tabs/ScheduleTab.tsx';

/**
 * The technician screen's tabs, in order; each is labelled by the catalog
 * key technician.tab.<id>. A new tab is its component plus one line here
 * (and its label in the catalogs).
 */
export const TECHNICIAN_TABS: ReadonlyArray<{ readonly id: string; readonly Tab: ComponentType }> = [
  { id: 'overview', Tab: OverviewTab },
  { id: 'devices', Tab: DevicesTab },
  { id: 'central', Tab: CentralTab },
  { id: 'queue', Tab: QueueTab },
  { id: 'schedule', Tab: ScheduleTab },
  { id: 'report', Tab: ReportTab },
  { id: 'nightOps', Tab: NightOpsTab },
  { id: 'logs', Tab: LogsTab },
];
