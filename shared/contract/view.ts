import * as z from 'zod';
import { languageSchema } from '../config/branch.ts';
import { DEVICE_KINDS } from '../devices/kinds.ts';

/**
 * What main sends the renderer: a projection of the machines' state. The
 * renderer draws it and nothing else; it holds no truth of its own.
 */
export const screenSchema = z.enum([
  'attract',
  'identify',
  'pin',
  'menu',
  'checkout',
  'return',
  'loans',
  'holds',
  'receipt',
  'error',
  'door',
  'closed',
  'technician',
  'discover',
]);
export type Screen = z.infer<typeof screenSchema>;

export const deviceViewSchema = z.object({
  id: z.string(),
  kind: z.enum(DEVICE_KINDS),
  state: z.enum(['connecting', 'connected', 'missing', 'error', 'closed']),
  reason: z.string().optional(),
});

/** Text size the patron chose for the session: 100 %, 150 % or 200 %. */
export const textSizeSchema = z.enum(['normal', 'large', 'largest']);
export type TextSize = z.infer<typeof textSizeSchema>;
export const contrastSchema = z.enum(['normal', 'high']);

/** What the patron chose for this session (reset to the branch's defaults when the session ends). */
export const sessionPrefsSchema = z.object({
  textSize: textSizeSchema.default('normal'),
  contrast: contrastSchema.default('normal'),
  /** Speech output: every screen and every change said aloud. */
  speech: z.boolean().default(false),
});
export type SessionPrefs = z.infer<typeof sessionPrefsSchema>;

export const kioskViewSchema = z.object({
  screen: screenSchema,
  language: languageSchema,
  /** The patron's choices for this session; absent means the defaults. */
  prefs: sessionPrefsSchema.optional(),
  branch: z.object({
    id: z.string(),
    name: z.string(),
    /** The branch's time zone: times on screen are the branch's, whatever the PC's clock zone. */
    timeZone: z.string().optional(),
    /** The branch's default language: every session and door attempt starts in it. */
    language: languageSchema.optional(),
    /** How to reach the library (config branch.contact), for "contact the library". */
    contact: z.object({ phone: z.string().optional(), email: z.string().optional(), web: z.string().optional() }).optional(),
  }),
  central: z.enum(['online', 'degraded', 'offline']),
  devices: z.array(deviceViewSchema),
  /** Play sound cues (branch policy `sounds`). */
  sounds: z.boolean().default(true),
  /** Seconds left before the idle timeout ends the session, while the warning shows. */
  idleSecondsLeft: z.number().int().nonnegative().optional(),
  /** Catalog key of a notice to show (e.g. "notice.offline"), with values. */
  notice: z.object({ key: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).optional(),
  /** A closing announcement showing now ("closes in N minutes"); `id` changes with each new one, so it is said once. */
  announcement: z.object({ minutes: z.number().int(), id: z.number().int() }).optional(),
  /** Per-screen data, owned by the machine that drives the screen. */
  data: z.record(z.string(), z.unknown()).default({}),
});
export type KioskView = z.infer<typeof kioskViewSchema>;
export type DeviceView = z.infer<typeof deviceViewSchema>;
