import * as z from 'zod';

/** A link with {id} (Koha biblionumber) and/or {isbn} in it, nothing else in braces. */
const linkTemplate = z
  .string()
  .regex(/^https?:\/\/\S+$/, 'must be an http(s) address')
  .refine((t) => /\{(id|isbn)\}/.test(t), 'must contain {id} or {isbn}')
  .refine((t) => !/\{(?!id\}|isbn\})[^}]*\}/.test(t), 'only {id} and {isbn} may be used');

/**
 * The local copy of the region's catalogue (see README "Find and reserve").
 * Harvested from Koha's OAI-PMH endpoint in the background.
 */
export const catalogSchema = z.strictObject({
  /**
   * Koha's OAI-PMH endpoint, e.g. https://koha.region.example/cgi-bin/koha/oai.pl (marcxml with items).
   * Default with the embedded demo: the demo central system's own endpoint; otherwise no catalogue.
   */
  oaiUrl: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'must be an http(s) address')
    .optional(),
  enabled: z.boolean().default(true),
  schedule: z
    .strictObject({
      /** Minutes between harvests of what changed. */
      everyMinutes: z.number().int().min(1).max(1440).default(60),
      /** A full harvest every N days (drops what the server deleted without saying); 0: never. */
      fullEveryDays: z.number().int().min(0).max(365).default(7),
      /** The first harvest starts this long after the kiosk. */
      startDelaySeconds: z.number().int().min(0).max(3600).default(20),
    })
    .prefault({}),
  /** Per request. */
  timeoutMs: z.number().int().positive().default(30_000),
  /** Attempts per page after the first, waiting backoffMs doubling up to maxBackoffMs (or the server's Retry-After). */
  retries: z.number().int().min(0).max(20).default(5),
  backoffMs: z.number().int().min(0).default(2_000),
  maxBackoffMs: z.number().int().min(0).default(300_000),
  /** Where an e-book or downloadable audiobook opens in the e-media service; without it e-media shows no QR code. */
  emediaLinkTemplate: linkTemplate.optional(),
  /** A title in the public catalogue, for "send the list to my phone"; without it that button is hidden. */
  opacLinkTemplate: linkTemplate.optional(),
  /** The catalogue's SQLite file; default: catalog.sqlite in dataDir. */
  file: z.string().optional(),
});
export type CatalogConfig = z.infer<typeof catalogSchema>;
