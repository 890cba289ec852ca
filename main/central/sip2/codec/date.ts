/**
 * SIP2 dates: "YYYYMMDDZZZZHHMMSS", 18 characters, where ZZZZ is a time
 * zone ("    " = the ACS's local time, "   Z" = UTC). We send local time of
 * the branch's time zone with a blank zone, as Koha expects.
 */
export const BLANK_DATE = ' '.repeat(18);

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      ...(timeZone ? { timeZone } : {}),
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(key, f);
  }
  return f;
}

/** The last date formatted per time zone: SIP2 dates are to the second, and requests come many a second. */
const lastFormatted = new Map<string, { second: number; text: string }>();

export function formatSipDate(date: Date, timeZone?: string): string {
  const second = Math.floor(date.getTime() / 1000);
  const key = timeZone ?? '';
  const last = lastFormatted.get(key);
  if (last?.second === second) return last.text;
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(date)) parts[p.type] = p.value;
  const text = `${parts.year}${parts.month}${parts.day}    ${parts.hour}${parts.minute}${parts.second}`;
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
