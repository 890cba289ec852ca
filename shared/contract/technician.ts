import * as z from 'zod';
import { languageSchema } from '../config/branch.ts';
import { DEVICE_KINDS } from '../devices/kinds.ts';
import { LOG_LEVELS } from '../domain/log-levels.ts';

/**
 * What the technician screen is sent: data and codes, never sentences.
 * The screen words every code through the catalogs (technician.*) and
 * shows every instant in the branch's time zone, so main answers in ISO
 * times (UTC) and codes only.
 */

/** kiosk.info: what the screen needs before and after the PIN (no secrets). */
export const kioskInfoSchema = z.object({
  branch: z.object({ id: z.string(), name: z.string() }),
  /** The branch's default language: the technician screen starts in it. */
  language: languageSchema,
  /** IANA zone every time on the screen is shown in. */
  timezone: z.string(),
});
export type KioskInfo = z.infer<typeof kioskInfoSchema>;

/** The one test each kind of device has. */
export const deviceTestActionSchema = z.enum([
  'pulse',
  'print',
  'read-tags',
  'read-card',
  'read-keypad',
  'contact',
  'switch',
  'count-pass',
]);
export type DeviceTestAction = z.infer<typeof deviceTestActionSchema>;

export const deviceRowSchema = z.object({
  id: z.string(),
  kind: z.enum(DEVICE_KINDS),
  driver: z.string(),
  state: z.enum(['connecting', 'connected', 'missing', 'error', 'closed']),
  /** The driver's own words for missing/error (an OS error such as ENOENT): shown as a detail. */
  reason: z.string().optional(),
  /** When the state last changed (ISO). */
  since: z.string().optional(),
  port: z.string().optional(),
  /** The test the device has, if any. */
  test: deviceTestActionSchema.nullable(),
});
export type DeviceRow = z.infer<typeof deviceRowSchema>;

/** What a test did (catalog technician.deviceTest.done.*). */
export const testDoneSchema = z.enum([
  'not-run',
  'attempted',
  'pulsed',
  'printed',
  'read-tags',
  'waited-card',
  'waited-keypad',
  'read-contact',
  'switched',
  'waited-pass',
  'waited-exit',
]);
/** What came back (technician.deviceTest.answer.*). */
export const testAnswerSchema = z.enum([
  'not-connected',
  'failed',
  'lock-locked',
  'lock-unlocked',
  'paper-ok',
  'paper-near-end',
  'paper-out',
  'paper-unknown',
  'tags',
  'no-tags',
  'card',
  'no-card',
  'digits',
  'no-digits',
  'contact-open',
  'contact-closed',
  'contact-unknown',
  'contact-open-exit-pressed',
  'contact-closed-exit-pressed',
  'contact-unknown-exit-pressed',
  'contact-open-no-exit-press',
  'contact-closed-no-exit-press',
  'contact-unknown-no-exit-press',
  'relay-off',
  'pass-in',
  'pass-out',
  'no-pass',
]);
/** What to check next (technician.deviceTest.next.*). */
export const testNextSchema = z.enum([
  'check-connection',
  'check-log',
  'check-door',
  'check-lock-wiring',
  'check-receipt',
  'refill-paper',
  'check-paper-sensor',
  'check-tags',
  'check-unreadable',
  'place-tag',
  'check-card',
  'present-card',
  'check-digits',
  'press-keys',
  'check-contact',
  'press-exit-button',
  'check-output',
  'check-direction',
  'walk-through',
]);
export const deviceTestResultSchema = z.object({
  ok: z.boolean(),
  done: testDoneSchema,
  answer: testAnswerSchema,
  next: testNextSchema,
  /** Values the sentences use ({{seconds}}, {{count}}, {{tags}} ...). */
  values: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The driver's own words when something failed, shown as a detail. */
  detail: z.string().optional(),
});
export type DeviceTestResult = z.infer<typeof deviceTestResultSchema>;

const mode = z.enum(['staffed', 'unstaffed', 'closed']);
const period = z.object({ from: z.string(), to: z.string(), mode: z.enum(['staffed', 'unstaffed']) });
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** schedule.show: the opening hours as the door applies them. */
export const scheduleViewSchema = z.object({
  timezone: z.string(),
  /** The branch's mode now and when it changes next (the door's clock). */
  mode,
  nextChange: z.object({ at: z.string(), mode }).nullable(),
  week: z.array(z.object({ day: z.enum(WEEKDAYS), periods: z.array(period) })),
  /** Dates with other hours, from today on, in date order. */
  exceptions: z.array(z.object({ date: z.string(), periods: z.array(period), note: z.string().optional() })),
});
export type ScheduleView = z.infer<typeof scheduleViewSchema>;

/** report.hours: a chosen day in the branch's zone, or the 24 hours up to now (the morning report). */
const last24h = { period: z.literal('last-24h') };
const day = { period: z.literal('day'), date: z.iso.date() };
export const hourlyReportParamsSchema = z.discriminatedUnion('period', [z.strictObject(last24h), z.strictObject(day)]);
/**
 * report.entries: the same periods; `card` (typed or scanned by staff)
 * narrows the list to that card's attempts, found by its keyed hash: the
 * log holds no card numbers to list.
 */
const card = { card: z.string().trim().min(1).max(64).optional() };
export const entryAttemptsParamsSchema = z.discriminatedUnion('period', [
  z.strictObject({ ...last24h, ...card }),
  z.strictObject({ ...day, ...card }),
]);
const counts = {
  entries: z.number().int(),
  denials: z.number().int(),
  checkouts: z.number().int(),
  returns: z.number().int(),
  renewals: z.number().int(),
  /** Loans, returns and renewals refused or failed. */
  refused: z.number().int(),
};
export const hourlyReportSchema = z.object({
  timezone: z.string(),
  start: z.string(),
  end: z.string(),
  /** One bucket per local hour, in order; a DST day has 23 or 25. */
  hours: z.array(z.object({ start: z.string(), hour: z.number().int().min(0).max(23), ...counts })),
  totals: z.object(counts),
  denialsByReason: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  alarms: z.array(z.object({ at: z.string(), kind: z.string() })),
  /** More came in than were let in: when, how many followed, the opening card as the entry log's key, shortened. */
  tailgates: z.array(z.object({ at: z.string(), followers: z.number().int(), card: z.string().nullable() })),
  /** What on-call staff did from afar. */
  staffActions: z.array(
    z.object({ at: z.string(), who: z.string(), action: z.string(), reason: z.string(), seconds: z.number().nullable() }),
  ),
});
export type HourlyReport = z.infer<typeof hourlyReportSchema>;
export type HourlyReportParams = z.infer<typeof hourlyReportParamsSchema>;

export const entryAttemptsSchema = z.object({
  identityDays: z.number().int(),
  attempts: z.array(z.object({ at: z.string(), outcome: z.string(), reason: z.string().nullable() })),
});

export { LOG_LEVELS, type LogLevel } from '../domain/log-levels.ts';
export const logLevelSchema = z.enum(LOG_LEVELS);

/** One log line as the screen shows it; a line that is not the logger's JSON comes back as its text. */
export const logEntrySchema = z.object({
  time: z.string().nullable(),
  level: logLevelSchema.nullable(),
  subsystem: z.string().nullable(),
  message: z.string(),
  /** The line's other fields as text, e.g. { device: "pad", state: "missing" }. */
  details: z.record(z.string(), z.string()),
});
export type LogEntry = z.infer<typeof logEntrySchema>;

export const queueRowSchema = z.object({
  id: z.string(),
  time: z.string(),
  kind: z.enum(['checkout', 'checkin', 'renew']),
  /** Shortened to the last four digits. */
  card: z.string().nullable(),
  item: z.string(),
  branch: z.string(),
  state: z.enum(['pending', 'unknown', 'done', 'conflict', 'cancelled']),
  offline: z.boolean(),
  attempts: z.number().int(),
  outcome: z.string().nullable(),
  reason: z.string().nullable(),
  serverMessage: z.string().nullable(),
  dueDate: z.string().nullable(),
  handled: z.string().nullable(),
});
export type QueueRowView = z.infer<typeof queueRowSchema>;

export const queueStatusSchema = z.object({
  counts: z.record(z.string(), z.number().int()),
  backlog: z.number().int(),
  openConflicts: z.number().int(),
  oldestPending: z.string().nullable(),
  mode: z.string(),
});
export type QueueStatusView = z.infer<typeof queueStatusSchema>;

/** devices.discover: what is plugged in; `guess` names the product when its USB ids are known. */
export const foundDeviceSchema = z.object({
  bus: z.enum(['serial', 'hid']),
  path: z.string(),
  vendorId: z.string().optional(),
  productId: z.string().optional(),
  manufacturer: z.string().optional(),
  product: z.string().optional(),
  serialNumber: z.string().optional(),
  guess: z.string().optional(),
});
export type FoundDeviceView = z.infer<typeof foundDeviceSchema>;

/** central.status: where the kiosk talks to and how it is going; never the login. */
export const centralStatusSchema = z.object({
  health: z.enum(['online', 'degraded', 'offline']),
  /** host:port, with " (TLS)" when encrypted. */
  host: z.string(),
  /** The embedded demo central system rather than a real one. */
  demo: z.boolean(),
  profile: z.string(),
  lastRoundTripMs: z.number().optional(),
});

export const replaySummarySchema = z.object({
  sent: z.number().int(),
  done: z.number().int(),
  conflicts: z.number().int(),
  cancelled: z.number().int(),
  remaining: z.number().int(),
  /** Error code that stopped the round; the rest waits, in order, for the next. */
  stoppedBy: z.string().optional(),
  settlesAt: z.number().optional(),
});
