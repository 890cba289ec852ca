import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import type { Db } from '../storage/database.ts';

const DAY = 86_400_000;
/** scrypt cost: ~50 ms per PIN here, so a stolen file does not give up 4-digit PINs cheaply. */
const SCRYPT: ScryptOptions = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function hash(pin: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin.normalize('NFC'), salt, KEY_LENGTH, SCRYPT, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export type PinCheck = 'valid' | 'invalid' | 'not-cached';

/**
 * Salted scrypt hashes of the PINs of patrons seen online in the last N
 * days, for the offline PIN check. A plain PIN is never stored.
 */
export class PinCache {
  constructor(
    private readonly db: Db,
    private readonly days: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** After the central system accepted this card + PIN. */
  async remember(card: string, pin: string): Promise<void> {
    if (this.days === 0 || pin === '') return;
    const salt = randomBytes(16);
    const key = await hash(pin, salt);
    this.db
      .prepare(
        'INSERT INTO queue_pins (card, salt, hash, seen_at) VALUES (?, ?, ?, ?) ON CONFLICT(card) DO UPDATE SET salt = excluded.salt, hash = excluded.hash, seen_at = excluded.seen_at',
      )
      .run(card, salt, key, this.now());
  }

  async check(card: string, pin: string): Promise<PinCheck> {
    const row = this.db.prepare('SELECT salt, hash, seen_at AS seenAt FROM queue_pins WHERE card = ?').get(card) as
      | { salt: Buffer; hash: Buffer; seenAt: number }
      | undefined;
    if (!row || this.now() - row.seenAt > this.days * DAY) return 'not-cached';
    const key = await hash(pin, row.salt);
    return key.length === row.hash.length && timingSafeEqual(key, row.hash) ? 'valid' : 'invalid';
  }

  /** Drops hashes of patrons not seen within the window. */
  prune(): number {
    return this.db.prepare('DELETE FROM queue_pins WHERE seen_at < ?').run(this.now() - this.days * DAY).changes;
  }
}
