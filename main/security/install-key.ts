import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { type CardKey, cardKeyer } from '../storage/card-key.ts';

const SECRET_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * What the install's secret (beside the data file, mode 0600, never in it)
 * does for the door and the attempt limits: the card key (HMAC, the same
 * as the entry log's), and sealing (AES-256-GCM) for the card numbers the
 * offline entry cache must be able to re-check with the library system. A
 * copied database alone gives neither card numbers from their keys nor the
 * sealed ones; whoever has the whole disk has both (SECURITY.md says so).
 */
export class InstallKey {
  readonly cardKey: CardKey;
  private readonly sealKey: Buffer;

  constructor(secret: Uint8Array) {
    this.cardKey = cardKeyer(secret);
    // Its own key for sealing, derived from the secret, so the two uses never share one.
    this.sealKey = createHmac('sha256', secret).update('openbranch seal key v1').digest();
  }

  /** A fresh secret that lives only in memory (tests, in-memory databases). */
  static ephemeral(): InstallKey {
    return new InstallKey(randomBytes(SECRET_BYTES));
  }

  /** AES-256-GCM: what only this install can read back. */
  seal(plain: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  /** The sealed text, or undefined when it was not sealed by this key (or was altered). */
  open(sealed: Buffer): string | undefined {
    if (sealed.length < IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.sealKey, sealed.subarray(0, IV_BYTES));
      decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
