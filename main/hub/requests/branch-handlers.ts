import type { KioskConfig } from '../../../shared/config/schema.ts';
import type { DoorView } from '../../../shared/contract/door-view.ts';
import { WEEKDAYS } from '../../../shared/contract/technician.ts';
import { localTime, modeAt, nextChange } from '../../door/schedule.ts';
import type { RequestHandlers } from '../request-router.ts';

/** The door's own idea of now and of the mode, when the install has a door (its clock may be the simulator's in demo mode). */
export interface DoorFacts {
  view(): Pick<DoorView, 'mode' | 'nextChange'>;
}

/** kiosk.info and schedule.show: the branch's name, language, time zone and opening hours. */
export function branchHandlers(
  config: KioskConfig,
  door: DoorFacts | undefined,
  now: () => Date = () => new Date(),
): Pick<RequestHandlers, 'kiosk.info' | 'schedule.show'> {
  const { branch } = config;
  const schedule = config.door.schedule;
  return {
    'kiosk.info': async () => ({
      branch: { id: branch.id, name: branch.name },
      language: branch.language,
      timezone: branch.timezone,
    }),
    'schedule.show': async () => {
      const at = now();
      const view = door?.view();
      const next = view ? view.nextChange : nextChange(schedule, branch.timezone, at);
      const today = localTime(at, branch.timezone).date;
      return {
        timezone: branch.timezone,
        mode: view?.mode ?? modeAt(schedule, branch.timezone, at),
        nextChange: next ? { at: typeof next.at === 'string' ? next.at : next.at.toISOString(), mode: next.mode } : null,
        week: WEEKDAYS.map((day) => ({ day, periods: schedule[day] })),
        exceptions: schedule.exceptions.filter((e) => e.date >= today).sort((a, b) => a.date.localeCompare(b.date)),
      };
    },
  };
}
