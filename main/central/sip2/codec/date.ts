import { pad2, wallClock } from '../../../../shared/time/wall-clock.ts';

/**
 * SIP2 dates: "YYYYMMDDZZZZHHMMSS", 18 characters, where ZZZZ is a time
 * zone ("    " = the ACS's local time, "   Z" = UTC). We send local time of
 * the branch's time zone with a blank zone, as Koha expects.
 */
export const BLANK_DATE = ' '.repeat(18);

/** The last date formatted per time zone: SIP2 dates are to the second, and requests come many a second. */
const lastFormatted = new Map<string, { second: number; text: string }>();

export function formatSipDate(date: Date, timeZone?: string): string {
  const second = Math.floor(date.getTime() / 1000);
  const key = timeZone ?? '';
  const last = lastFormatted.get(key);
  if (last?.second === second) return last.text;
  const w = wallClock(date, timeZone);
  const text = `${w.year}${pad2(w.month)}${pad2(w.day)}    ${pad2(w.hour)}${pad2(w.minute)}${pad2(w.second)}`;
  lastFormatted.set(key, { second, text });
  return text;
}

/**
 * A wall-clock "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]" (already the ACS's
 * local time) as a SIP2 date with a blank zone; a date alone means the end
 * of that day (23:59:00), as library due dates do. Throws on anything else.
 */
export function sipDateFromWallClock(wall: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(wall);
  if (!m) throw new RangeError(`not a wall-clock date: ${wall}`);
  const [, y, mo, d, h = '23', mi = '59', s = '00'] = m;
  return `${y}${mo}${d}    ${h}${mi}${s}`;
}

/**
 * Reads a SIP2 date into "YYYY-MM-DDTHH:MM:SS" (wall-clock time as sent),
 * or "YYYY-MM-DD" for a date-only value. Anything else is returned trimmed
 * as it came (servers put free text in AH): the caller shows it as is.
 */
export function readSipDate(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  const m = /^(\d{4})(\d{2})(\d{2})(?:.{4}(\d{2})(\d{2})(\d{2}))?$/.exec(v.length >= 18 ? value.slice(0, 18) : v);
  if (!m) return v;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  return m[4] === undefined ? day : `${day}T${m[4]}:${m[5]}:${m[6]}`;
}
