/** An instant's date and time as a clock on the wall in some time zone shows it. */
export interface WallClock {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Sunday ... 6 = Saturday */
  readonly weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The wall clock of an instant in a time zone. In the process's own zone
 * (`TZ`, which the kiosk sets to its branch's at start; or no zone given)
 * Date's local getters answer: V8 reads the zone's rules from ICU without
 * Intl.DateTimeFormat, whose locale machinery, once made, keeps about 8 MB
 * resident for the rest of the day. Any other zone goes through Intl.
 */
export function wallClock(instant: Date, timeZone?: string): WallClock {
  if (timeZone === undefined || timeZone === processZone()) {
    return {
      year: instant.getFullYear(),
      month: instant.getMonth() + 1,
      day: instant.getDate(),
      hour: instant.getHours(),
      minute: instant.getMinutes(),
      second: instant.getSeconds(),
      weekday: instant.getDay(),
    };
  }
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) p[part.type] = part.value;
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
    weekday: WEEKDAYS.indexOf(p.weekday!),
  };
}

/** The zone the process runs in when one was set (main sets it; a page has no `process`). */
const processZone = (): string | undefined => (typeof process === 'undefined' ? undefined : process.env.TZ);

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** "YYYY-MM-DD" of a wall clock. */
export const wallDate = (w: WallClock): string => `${w.year}-${pad2(w.month)}-${pad2(w.day)}`;

export const pad2 = (n: number): string => String(n).padStart(2, '0');
