import { LOG_LEVELS, type LogEntry, type LogLevel } from '../../../shared/contract/technician.ts';

/** pino's numeric levels. */
const LEVEL_OF_NUMBER: Readonly<Record<number, LogLevel>> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
/** Fields every line has, shown in their own columns or not at all. */
const FRAME = new Set(['level', 'time', 'msg', 'subsystem', 'app', 'pid', 'hostname', 'v']);
const MAX_VALUE = 300;

/**
 * One line of the log file as the technician screen shows it: time, level,
 * subsystem, message and the other fields as text. A line that is not the
 * logger's JSON (a crash printed by Node, a truncated last line) keeps its
 * text as the message.
 */
export function parseLogLine(line: string): LogEntry {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return raw(line);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return raw(line);
  const fields = parsed as Record<string, unknown>;
  const details: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) if (!FRAME.has(key)) flatten(key, value, details);
  return {
    time: timeOf(fields.time),
    level: typeof fields.level === 'number' ? (LEVEL_OF_NUMBER[fields.level] ?? null) : levelOfName(fields.level),
    subsystem: typeof fields.subsystem === 'string' ? fields.subsystem : null,
    message: typeof fields.msg === 'string' ? fields.msg : '',
    details,
  };
}

/** At this level or worse; lines without a level always count (they are usually crashes). */
export function atLeast(entry: LogEntry, level: LogLevel | undefined): boolean {
  if (!level || entry.level === null) return true;
  return LOG_LEVELS.indexOf(entry.level) >= LOG_LEVELS.indexOf(level);
}

const raw = (line: string): LogEntry => ({ time: null, level: null, subsystem: null, message: line.slice(0, 2000), details: {} });

function levelOfName(value: unknown): LogLevel | null {
  return typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value) ? (value as LogLevel) : null;
}

function timeOf(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Nested objects become dotted keys (err.message), arrays and scalars their text. */
function flatten(key: string, value: unknown, into: Record<string, string>, depth = 0): void {
  if (value && typeof value === 'object' && !Array.isArray(value) && depth < 3) {
    for (const [k, v] of Object.entries(value)) flatten(`${key}.${k}`, v, into, depth + 1);
    return;
  }
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  into[key] = text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}
