import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenBranchError } from '../../shared/errors.ts';
import { ensurePrivateDir } from './private-files.ts';
import { fromErrno } from './storage-errors.ts';

/** A card number as this install stores it: never the number itself. */
export type CardKey = (card: string) => string;

/** The install's secret for card keys, beside the data file but not in it. */
export const CARD_SECRET_FILE = 'card-key.secret';
const SECRET_BYTES = 32;

/**
 * HMAC-SHA256 of the card number under the install's secret. The same card
 * gives the same key on this install (the door log, the PIN cache and the
 * door's offline cache can find a patron again when the card is shown),
 * but a copied database alone cannot be searched for a card number: card
 * numbers are few enough to try them all against a plain or salted hash.
 */
export function cardKeyer(secret: Uint8Array): CardKey {
  return (card) => createHmac('sha256', secret).update(card.trim(), 'utf8').digest('hex');
}

/** A key for this process only: for in-memory files and tests, where nothing outlives the process. */
export const ephemeralCardKey = (): CardKey => cardKeyer(randomBytes(SECRET_BYTES));

/**
 * The install's card-key secret (32 random bytes, mode 0600) from the data
 * folder, created on the first start. A second process racing to create it
 * reads the one that won.
 */
export function loadCardSecret(dataDir: string): Uint8Array {
  ensurePrivateDir(dataDir);
  const file = join(dataDir, CARD_SECRET_FILE);
  if (!existsSync(file)) createSecret(file);
  let secret: Buffer;
  try {
    secret = readFileSync(file);
  } catch (e) {
    throw fromErrno(e, file, 'read the card-key secret');
  }
  if (secret.length !== SECRET_BYTES)
    throw new OpenBranchError(
      'storage.corrupt',
      `${file}: the card-key secret is ${secret.length} bytes, not ${SECRET_BYTES}; restore it from a backup (removing it starts a new one, and the door forgets its offline patrons and the log who its entries were)`,
      { path: file, problem: 'corrupt' },
    );
  return secret;
}

/** Written whole under a temporary name and linked into place: another process sees no file or the whole secret. */
function createSecret(file: string): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(temporary, randomBytes(SECRET_BYTES), { mode: 0o600, flag: 'wx' });
    linkSync(temporary, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw fromErrno(e, file, 'create the card-key secret');
  } finally {
    rmSync(temporary, { force: true });
  }
}
