import { localTime } from '../door/schedule.ts';

const HOUR = 3_600_000;

/** The UTC instant at which a wall-clock minute of a local date begins (the first one, where DST repeats it). */
export function localInstant(date: string, minute: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wanted = Date.UTC(y, m - 1, d) + minute * 60_000;
  let t = wanted;
  // The zone's offset at the guess moves the guess; two rounds settle it, a third covers a DST edge.
  for (let i = 0; i < 3; i++) {
    const local = localTime(new Date(t), timeZone);
    const [ly, lm, ld] = local.date.split('-').map(Number) as [number, number, number];
    const diff = Date.UTC(ly, lm - 1, ld) + local.minute * 60_000 - wanted;
    if (diff === 0) break;
    t -= diff;
  }
  return new Date(t);
}

/** The instant the local hour containing `instant` began (zones with :30 and :45 offsets included). */
export function startOfLocalHour(instant: Date, timeZone: string): Date {
  const { minute } = localTime(instant, timeZone);
  const t = instant.getTime();
  return new Date(t - (t % 60_000) - (minute % 60) * 60_000);
}

/** Stats key of the local hour an instant falls in, "YYYY-MM-DDTHH" (as TransactionStats stores them). */
export function localHourKey(instant: Date, timeZone: string): string {
  const t = localTime(instant, timeZone);
  return `${t.date}T${String(Math.floor(t.minute / 60)).padStart(2, '0')}`;
}

/** The starts of the local hours in [start, end): 24 on most days, 23 or 25 across a DST change. */
export function hourStarts(start: Date, end: Date): Date[] {
  const starts: Date[] = [];
  for (let t = start.getTime(); t < end.getTime(); t += HOUR) starts.push(new Date(t));
  return starts;
}
