import * as z from 'zod';

/**
 * KioskView.data of the "Tips för mig" screen, projected in main from the
 * discover machine. Words are catalog keys; the renderer words them.
 */
const reasonSchema = z.object({ key: z.string(), values: z.record(z.string(), z.string()).optional() });

export const discoverMatchSchema = z.object({
  id: z.string(),
  title: z.string(),
  author: z.string().optional(),
  year: z.number().int().optional(),
  format: z.string(),
  language: z.string().optional(),
  genres: z.array(z.string()),
  group: z.enum(['here', 'reserve', 'emedia', 'none']),
  /** Call number on this branch's shelf. */
  shelf: z.string().optional(),
  /** Names of the branches with a copy to lend. */
  branches: z.array(z.string()),
  reasons: z.array(reasonSchema),
  /** E-media: where it opens in the e-media service (shown as a QR code). */
  emediaUrl: z.string().optional(),
});
export type DiscoverMatch = z.infer<typeof discoverMatchSchema>;

export const discoverStepSchema = z.enum([
  'choose',
  'searching',
  'results',
  'identify',
  'pin',
  'checking',
  'pickup',
  'reserving',
  'reserved',
  'refused',
  'phone',
]);
export type DiscoverStep = z.infer<typeof discoverStepSchema>;

export const discoverDataSchema = z.object({
  step: discoverStepSchema,
  prefs: z.object({
    genre: z.array(z.string()),
    format: z.array(z.string()),
    language: z.array(z.string()),
    age: z.array(z.string()),
    like: z.string().optional(),
  }),
  choices: z.object({ genre: z.array(z.string()), format: z.array(z.string()), language: z.array(z.string()), age: z.array(z.string()) }),
  likeOptions: z.array(z.object({ itemId: z.string(), title: z.string() })),
  matches: z.array(discoverMatchSchema),
  target: z.object({ id: z.string(), title: z.string() }).optional(),
  pickup: z.object({ selected: z.string(), branches: z.array(z.object({ code: z.string(), name: z.string() })) }).optional(),
  result: z
    .object({ pickupName: z.string().optional(), queuePosition: z.number().int().optional(), refusal: z.string().optional() })
    .optional(),
  /** Catalog code: offline, catalog, wrong-pin, unknown-patron, empty-pin. */
  error: z.string().optional(),
  /** "Send the list to my phone": the QR code's text (titles and catalogue links only). */
  phoneText: z.string().optional(),
  loggedIn: z.boolean(),
  pinRequired: z.boolean(),
  /** The central system is there: reservations can be made now. */
  canReserve: z.boolean(),
});
export type DiscoverData = z.infer<typeof discoverDataSchema>;
