import type { Schedule } from '../../shared/config/door.ts';
import { pad2, wallClock, wallDate } from '../../shared/time/wall-clock.ts';

export type BranchMode = 'staffed' | 'unstaffed' | 'closed';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** Wall-clock date, weekday and minute of the day in the branch's time zone (summer time included). */
export function localTime(instant: Date, timeZone: string): { date: string; day: (typeof DAYS)[number]; minute: number } {
  const w = wallClock(instant, timeZone);
  return { date: wallDate(w), day: DAYS[w.weekday]!, minute: w.hour * 60 + w.minute };
}

/** "HH:MM" in the branch's time zone, rounded up to the minute (the earliest time a screen can name for "try again at"). */
export function clockTimeAfter(instant: Date, timeZone: string): string {
  const { minute } = localTime(new Date(Math.ceil(instant.getTime() / 60_000) * 60_000), timeZone);
  return `${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}`;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The branch's mode at an instant: the last period that covers the local time wins; none means closed. */
export function modeAt(schedule: Schedule, timeZone: string, instant: Date): BranchMode {
  const { date, day, minute } = localTime(instant, timeZone);
  const periods = schedule.exceptions.find((e) => e.date === date)?.periods ?? schedule[day];
  let mode: BranchMode = 'closed';
  for (const p of periods) if (minute >= minutes(p.from) && minute < minutes(p.to)) mode = p.mode;
  return mode;
}

/**
 * The next instant (to the minute, within a week) when the mode changes, for "open until 22:00".
 * The mode can change only where a period starts or ends or a day begins, so the search jumps from
 * one such local minute to the next instead of asking the time zone about every minute of the week (which cost
 * thousands of look-ups at each start); across a change of UTC offset (summer time) it steps by the minute.
 */
export function nextChange(schedule: Schedule, timeZone: string, instant: Date): { at: Date; mode: BranchMode } | undefined {
  const now = modeAt(schedule, timeZone, instant);
  const edges = boundaries(schedule);
  const start = Math.ceil(instant.getTime() / 60_000) * 60_000;
  let t = start;
  while (t < start + 7 * 86_400_000) {
    const at = new Date(t);
    const mode = modeAt(schedule, timeZone, at);
    if (mode !== now) return { at, mode };
    const local = localTime(at, timeZone).minute;
    const jump = t + ((edges.find((m) => m > local) ?? DAY_MINUTES) - local) * 60_000;
    t = offsetAt(jump, timeZone) === offsetAt(t, timeZone) ? jump : t + 60_000;
  }
  return undefined;
}

const DAY_MINUTES = 24 * 60;

/** Every local minute of the day at which some period starts or ends, ascending (midnight ends every day). */
function boundaries(schedule: Schedule): number[] {
  const days = [...DAYS.map((d) => schedule[d]), ...schedule.exceptions.map((e) => e.periods)];
  const edges = new Set(days.flatMap((periods) => periods.flatMap((p) => [minutes(p.from), minutes(p.to)])));
  return [...edges].filter((m) => m > 0 && m < DAY_MINUTES).sort((a, b) => a - b);
}

/** Local wall time minus UTC at an instant, in minutes (changes only with summer time). */
function offsetAt(t: number, timeZone: string): number {
  const { date, minute } = localTime(new Date(t), timeZone);
  const utcMinutes = Math.floor(t / 60_000);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 60_000 + minute - utcMinutes;
}

/**
 * nextChange for a clock that moves forward: the answer holds until the
 * change it names, so it is computed again only then (or when the clock
 * is set back). The door view asks on every key press.
 */
export function nextChangeMemo(schedule: Schedule, timeZone: string): (instant: Date) => ReturnType<typeof nextChange> {
  let from: number | undefined;
  let answer: ReturnType<typeof nextChange>;
  return (instant) => {
    const t = instant.getTime();
    const until = answer ? answer.at.getTime() : (from ?? 0) + 60_000;
    if (from !== undefined && t >= from && t < until) return answer;
    from = t;
    answer = nextChange(schedule, timeZone, instant);
    return answer;
  };
}

/**
 * The next period (within a week) in which the branch is in `mode`, or the
 * current one if it is in that mode now: for "staff are here 10:00-19:00"
 * and "we open again at 06:00".
 */
export function nextPeriod(schedule: Schedule, timeZone: string, instant: Date, mode: BranchMode): { from: Date; to: Date } | undefined {
  let at = instant;
  let from: Date | undefined = modeAt(schedule, timeZone, instant) === mode ? instant : undefined;
  for (let i = 0; i < 32; i++) {
    const change = nextChange(schedule, timeZone, at);
    if (!change) return undefined;
    if (from && change.mode !== mode) return { from, to: change.at };
    if (!from && change.mode === mode) from = change.at;
    at = change.at;
  }
  return undefined;
}

/** nextPeriod(…, 'staffed') for a clock that moves forward: computed again only once the answer's period has ended. */
export function nextStaffedMemo(schedule: Schedule, timeZone: string): (instant: Date) => { from: Date; to: Date } | undefined {
  let from: number | undefined;
  let answer: { from: Date; to: Date } | undefined;
  return (instant) => {
    const t = instant.getTime();
    const until = answer ? answer.to.getTime() : (from ?? 0) + 60_000;
    if (from !== undefined && t >= from && t < until) return answer;
    from = t;
    answer = nextPeriod(schedule, timeZone, instant, 'staffed');
    return answer;
  };
}
