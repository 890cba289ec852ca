import * as z from 'zod';
import { LANGUAGES } from '../i18n/languages.ts';

export type { Language } from '../i18n/languages.ts';
/** Swedish, English, Finnish (a national minority language) and Arabic (right to left): the list lives in shared/i18n/languages.ts. */
export const languageSchema = z.enum(LANGUAGES);

export const branchSchema = z.object({
  /** The branch's SIP2 location code (AO institution / AP location in Koha: the branchcode). */
  id: z.string().min(1).default('VAS'),
  name: z.string().min(1).default('Västerås stadsbibliotek'),
  /** ISIL of the owning library, e.g. SE-Vå. Used when programming tags. */
  isil: z.string().optional(),
  /** Default UI language; patrons can switch on screen. */
  language: languageSchema.default('sv'),
  timezone: z.string().default('Europe/Stockholm'),
  /** Names of the region's branches by code, for "goes to Köpings bibliotek" on return (codes show otherwise). */
  region: z.record(z.string(), z.string()).default({}),
  /**
   * How patrons reach the library when no staff are in: shown wherever the
   * screen says "contact the library" (a blocked card, a refused entry).
   */
  contact: z
    .strictObject({
      phone: z.string().min(3).max(40).optional(),
      email: z.string().min(3).max(120).optional(),
      web: z.string().min(3).max(120).optional(),
    })
    .default({}),
});
