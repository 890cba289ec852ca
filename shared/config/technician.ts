import * as z from 'zod';

/** scrypt$N$r$p$salt$hash, base64 parts; written by `openbranch technician set-pin`. */
export const PIN_HASH_PATTERN = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/;

export const technicianSchema = z.object({
  /** Hash of the technician PIN; never the PIN itself. Without it the technician screen stays locked. */
  pinHash: z.string().regex(PIN_HASH_PATTERN, 'not a PIN hash: set it with `openbranch technician set-pin`').optional(),
});
