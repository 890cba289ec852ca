import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { OpenBranchError } from '../../shared/errors.ts';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The install's secret, in its own file beside the data (mode 0600), never
 * in the SQLite file: a copied database (a backup, a support dump) gives
 * neither card numbers from their keyed hashes nor the card numbers the
 * door cache keeps sealed. Whoever has the whole disk has both; SECURITY.md
 * says so.
 */
export class InstallKey {
  private readonly hashKey: Buffer;
  private readonly sealKey: Buffer;

  constructor(secret: Buffer) {
    if (secret.length !== KEY_BYTES) throw new OpenBranchError('config.install-key', `the install key must be ${KEY_BYTES} bytes`);
    // One secret, two purposes: derive a key for each so neither use weakens the other.
    this.hashKey = createHmac('sha256', secret).update('openbranch card key v1').digest();
    this.sealKey = createHmac('sha256', secret).update('openbranch seal key v1').digest();
  }

  /** A fresh key that lives only in memory (tests, in-memory databases). */
  static ephemeral(): InstallKey {
    return new InstallKey(randomBytes(KEY_BYTES));
  }

  /** Reads the key file, or creates it (0600) on the first start. */
  static load(file: string): InstallKey {
    try {
      if (!existsSync(file)) {
        mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
        writeFileSync(file, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
      }
      chmodSync(file, 0o600);
      return new InstallKey(readFileSync(file));
    } catch (e) {
      if (e instanceof OpenBranchError)
        throw new OpenBranchError(
          e.code,
          `${file}: ${e.message}; restore it from a backup or delete it (the door cache and PIN counts start afresh)`,
          { file },
        );
      throw new OpenBranchError(
        'config.install-key',
        `${file}: cannot read or create the install key (${(e as NodeJS.ErrnoException).code ?? e})`,
        {
          file,
        },
      );
    }
  }

  /** HMAC-SHA256 of a card number: the same card always gives the same key; the key gives no card back. */
  readonly cardKey = (card: string): string => createHmac('sha256', this.hashKey).update(card, 'utf8').digest('hex');

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
