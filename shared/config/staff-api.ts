import * as z from 'zod';
import { isLoopbackHost } from './metrics.ts';

/** "sha256:" and 64 hex digits: written by `openbranch remote token`; the token itself is never stored. */
export const TOKEN_HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;

const staffMember = z
  .strictObject({
    /** Who this is, as the entry log names them ("Karin L, jour"). Not a patron: staff consent to being logged. */
    name: z.string().min(1).max(64),
    /** Hash of the person's own token. */
    tokenHash: z.string().regex(TOKEN_HASH_PATTERN, 'not a token hash: make one with `openbranch remote token`').optional(),
    /** The CN of the person's client certificate (with `tls.clientCa`). */
    certificateCn: z.string().min(1).max(128).optional(),
  })
  .refine((s) => s.tokenHash !== undefined || s.certificateCn !== undefined, {
    message: 'give tokenHash or certificateCn',
  });

/**
 * Remote help for on-call staff: door status, unlock once, lock down, clear
 * an alarm, occupancy. Its own port; loopback only unless `host` says
 * otherwise, and then only over TLS (tokens must not cross the branch
 * network in the clear).
 */
export const staffApiSchema = z
  .object({
    enabled: z.boolean().default(false),
    host: z.string().min(1).default('127.0.0.1'),
    /** 0 picks a free port (tests); the kiosk prints the address it got. */
    port: z.number().int().min(0).max(65535).default(9465),
    tls: z
      .strictObject({
        cert: z.string().min(1),
        key: z.string().min(1),
        /** CA that signs the staff's client certificates: with it, a certificate alone identifies the person. */
        clientCa: z.string().min(1).optional(),
      })
      .optional(),
    staff: z.array(staffMember).default([]),
    /** Longest remote unlock; the lock relay's own maxPulseMs caps it as well. */
    maxUnlockSeconds: z.number().int().min(1).max(30).default(15),
    /** Wrong credentials from one address before it is refused without checking, for `lockoutMinutes`. */
    maxFailures: z.number().int().min(1).default(5),
    lockoutMinutes: z.number().int().min(1).default(15),
  })
  .refine((s) => !s.enabled || isLoopbackHost(s.host) || s.tls !== undefined, {
    message: 'a staff API reachable from the network needs staffApi.tls (cert and key)',
    path: ['tls'],
  })
  .refine((s) => !s.enabled || s.staff.length > 0, { message: 'list at least one person under staffApi.staff', path: ['staff'] });

export type StaffApiConfig = z.infer<typeof staffApiSchema>;
