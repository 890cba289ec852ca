import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { StaffApiConfig } from '../../shared/config/staff-api.ts';

/** A new per-person token: 32 random bytes, base64url (43 characters). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** What the config stores: "sha256:<hex>". A token is random, so a fast hash is enough; the limit below stops guessing. */
export const hashToken = (token: string): string => `sha256:${createHash('sha256').update(token, 'utf8').digest('hex')}`;

export type AuthResult = { readonly ok: true; readonly who: string } | { readonly ok: false; readonly status: 401 | 429 };

/**
 * Who is calling: a bearer token matched against every person's hash in
 * constant time, or (with `tls.clientCa`) the verified client certificate's
 * CN. Failures are counted per address before anything is checked, so an
 * address over the limit is refused without a comparison.
 */
export class StaffAuth {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly config: Pick<StaffApiConfig, 'staff' | 'maxFailures' | 'lockoutMinutes'>,
    private readonly now: () => number = Date.now,
  ) {}

  check(address: string, authorization: string | undefined, certificateCn: string | undefined): AuthResult {
    const now = this.now();
    const windowMs = this.config.lockoutMinutes * 60_000;
    const recent = (this.failures.get(address) ?? []).filter((t) => now - t < windowMs);
    if (recent.length >= this.config.maxFailures) {
      this.failures.set(address, recent);
      return { ok: false, status: 429 };
    }
    const who = this.byCertificate(certificateCn) ?? this.byToken(authorization);
    if (who !== undefined) {
      this.failures.delete(address);
      return { ok: true, who };
    }
    this.failures.set(address, [...recent, now]);
    return { ok: false, status: 401 };
  }

  private byCertificate(cn: string | undefined): string | undefined {
    if (cn === undefined) return undefined;
    return this.config.staff.find((s) => s.certificateCn === cn)?.name;
  }

  private byToken(header: string | undefined): string | undefined {
    const match = /^Bearer ([\x21-\x7e]{16,256})$/.exec(header ?? '');
    if (!match) return undefined;
    const presented = Buffer.from(hashToken(match[1]!));
    let who: string | undefined;
    // Compare with every hash (no early exit), so timing does not tell how many people are configured or which matched.
    for (const s of this.config.staff) {
      if (s.tokenHash === undefined) continue;
      const stored = Buffer.from(s.tokenHash);
      if (stored.length === presented.length && timingSafeEqual(stored, presented)) who ??= s.name;
    }
    return who;
  }
}
