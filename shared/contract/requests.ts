import * as z from 'zod';
import { DEVICE_KINDS, RELAY_ROLES } from '../devices/kinds.ts';
import {
  centralStatusSchema,
  deviceRowSchema,
  deviceTestActionSchema,
  deviceTestResultSchema,
  entryAttemptsParamsSchema,
  entryAttemptsSchema,
  foundDeviceSchema,
  hourlyReportParamsSchema,
  hourlyReportSchema,
  kioskInfoSchema,
  logEntrySchema,
  logLevelSchema,
  queueRowSchema,
  queueStatusSchema,
  replaySummarySchema,
  scheduleViewSchema,
} from './technician.ts';

/**
 * Something about the install a technician must know (simulated devices or
 * the demo central system outside demo mode); the screen words it through
 * the catalog (technician.warning.<code>).
 */
export const installWarningSchema = z.object({
  code: z.enum(['config.simulated-device', 'config.demo-central']),
  devices: z.array(z.string()),
});
export type InstallWarning = z.infer<typeof installWarningSchema>;

/**
 * Request/response methods of the bridge, for the technician and staff
 * screens. Each has a params schema (validated in main) and a result
 * schema; `role` says who may call it: anyone, or a connection that has
 * logged in with the technician PIN.
 */
export const requestMethods = {
  'technician.login': {
    role: 'anyone',
    params: z.strictObject({ pin: z.string().regex(/^[0-9]{4,12}$/) }),
    /**
     * ok: the PIN was right. `refused`: not checked at all, because this
     * connection had too many wrong PINs (reload the page) or because of
     * the growing wait after wrong PINs overall (`retryAfterSeconds`).
     */
    result: z.object({
      ok: z.boolean(),
      refused: z.enum(['connection-locked', 'busy']).optional(),
      retryAfterSeconds: z.number().int().nonnegative().optional(),
    }),
  },
  'technician.logout': { role: 'anyone', params: z.strictObject({}), result: z.object({ ok: z.boolean() }) },
  /** Branch, default language and time zone: the technician screen needs them before the PIN. */
  'kiosk.info': { role: 'anyone', params: z.strictObject({}), result: kioskInfoSchema },
  'devices.list': {
    role: 'technician',
    params: z.strictObject({}),
    result: z.object({ devices: z.array(deviceRowSchema), warnings: z.array(installWarningSchema).optional() }),
  },
  /** Runs the device's test (the one devices.list names) and says what was done, what came back and what to check next. */
  'devices.test': {
    role: 'technician',
    params: z.strictObject({ id: z.string().min(1).max(64), action: deviceTestActionSchema }),
    result: deviceTestResultSchema,
  },
  /** Serial ports and HID devices the machine sees, with a guess of each; for assigning them a role. */
  'devices.discover': {
    role: 'technician',
    params: z.strictObject({}),
    result: z.object({
      devices: z.array(foundDeviceSchema),
      warnings: z.array(z.string()),
      /** The config file a new device is written to; null in the embedded default. */
      configFile: z.string().nullable(),
    }),
  },
  /** Adds a device to the config file (validated; takes effect at the next start). */
  'devices.assign': {
    role: 'technician',
    params: z.strictObject({
      id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
      kind: z.enum(DEVICE_KINDS),
      driver: z.string().min(1).max(32),
      port: z.string().max(256).optional(),
      path: z.string().max(256).optional(),
      vendorId: z
        .string()
        .regex(/^[0-9a-f]{4}$/)
        .optional(),
      productId: z
        .string()
        .regex(/^[0-9a-f]{4}$/)
        .optional(),
      role: z.enum(RELAY_ROLES).optional(),
      relay: z.number().int().min(1).max(8).optional(),
    }),
    result: z.object({ ok: z.boolean(), file: z.string(), restartNeeded: z.boolean() }),
  },
  'central.status': {
    role: 'technician',
    params: z.strictObject({}),
    result: centralStatusSchema,
  },
  'queue.status': { role: 'technician', params: z.strictObject({}), result: queueStatusSchema },
  'queue.list': {
    role: 'technician',
    params: z.strictObject({ state: z.string().optional() }),
    result: z.object({ rows: z.array(queueRowSchema) }),
  },
  'queue.replay': { role: 'technician', params: z.strictObject({}), result: replaySummarySchema },
  /** Staff mark a conflict handled (it stays on record). */
  'queue.handle': {
    role: 'technician',
    params: z.strictObject({ id: z.string().min(1).max(64), by: z.string().min(1).max(64).default('technician screen') }),
    result: z.object({ ok: z.boolean() }),
  },
  'schedule.show': { role: 'technician', params: z.strictObject({}), result: scheduleViewSchema },
  /** Door entries, denials and transactions per local hour, with denials by reason and alarms: the morning report. */
  'report.hours': { role: 'technician', params: hourlyReportParamsSchema, result: hourlyReportSchema },
  /** The door's attempts in the period, newest first; `card`: only that card's ("who was it?", while kept: door.logRetention.identityDays). */
  'report.entries': {
    role: 'technician',
    params: entryAttemptsParamsSchema,
    result: entryAttemptsSchema,
  },
  /** Night operations: people inside, lock-up, lockdown, the last week's tailgates and staff actions. */
  'door.status': {
    role: 'technician',
    params: z.strictObject({ days: z.number().int().min(1).max(90).default(7) }),
    result: z.object({
      occupancy: z.number().int().nullable(),
      lockup: z.enum(['open', 'waiting', 'armed']),
      lockdown: z.object({ since: z.string(), who: z.string(), reason: z.string() }).nullable(),
      tailgates: z.array(z.object({ at: z.string(), followers: z.number().int(), card: z.string().nullable() })),
      staffActions: z.array(
        z.object({ at: z.string(), who: z.string(), action: z.string(), reason: z.string(), seconds: z.number().nullable() }),
      ),
    }),
  },
  /** The newest log lines (oldest first), parsed; `level`: only lines at this level or worse. */
  'logs.tail': {
    role: 'technician',
    params: z.strictObject({ lines: z.number().int().min(1).max(500).default(200), level: logLevelSchema.optional() }),
    result: z.object({ entries: z.array(logEntrySchema) }),
  },
} as const;

export type RequestMethod = keyof typeof requestMethods;
export type RequestParams<M extends RequestMethod> = z.input<(typeof requestMethods)[M]['params']>;
export type RequestResult<M extends RequestMethod> = z.infer<(typeof requestMethods)[M]['result']>;

export const requestMessageSchema = z.strictObject({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  method: z.enum(Object.keys(requestMethods) as [RequestMethod, ...RequestMethod[]]),
  params: z.unknown(),
});

export const replyMessageSchema = z.strictObject({
  type: z.literal('reply'),
  id: z.number().int().nonnegative(),
  result: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value: z.unknown() }),
    z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
  ]),
});
