import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { PIN_HASH_PATTERN } from '../../shared/config/technician.ts';

/**
 * The technician PIN is kept only as an scrypt hash
 * ("scrypt$N$r$p$salt$hash", base64), so a copied config file does not give
 * the PIN away. N = 2^15, r = 8: about 100 ms per try on a kiosk PC, which
 * makes guessing a 6-digit PIN from a stolen hash take days rather than seconds.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 12;

export type PinProblem = 'pin.not-digits' | 'pin.too-short' | 'pin.too-long' | 'pin.trivial';

/** A reason code for a PIN that must not be used, or undefined when it is fine. */
export function pinProblem(pin: string): PinProblem | undefined {
  if (!/^\d+$/.test(pin)) return 'pin.not-digits';
  if (pin.length < PIN_MIN_DIGITS) return 'pin.too-short';
  if (pin.length > PIN_MAX_DIGITS) return 'pin.too-long';
  const steps = new Set([...pin].slice(1).map((c, i) => (Number(c) - Number(pin[i]) + 10) % 10));
  // 000000, 123456, 987654: the first PINs anyone tries.
  if (steps.size === 1 && (steps.has(0) || steps.has(1) || steps.has(9))) return 'pin.trivial';
  return undefined;
}

function derive(pin: string, salt: Buffer, params: { N: number; r: number; p: number }, length: number): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => scrypt(pin.normalize('NFKC'), salt, length, options, (e, key) => (e ? reject(e) : resolve(key))));
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(pin, salt, PARAMS, KEY_BYTES);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Constant-time check of a PIN against a stored hash; a malformed hash never matches. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  if (!PIN_HASH_PATTERN.test(stored)) return false;
  const [, n, r, p, salt, hash] = stored.split('$') as [string, string, string, string, string, string];
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  // Refuse parameters an attacker could use to weaken (or to exhaust memory).
  if (params.N < 2 ** 14 || params.N > 2 ** 20 || params.r < 8 || params.r > 32 || params.p < 1 || params.p > 4) return false;
  const expected = Buffer.from(hash, 'base64');
  if (expected.length < 16) return false;
  const actual = await derive(pin, Buffer.from(salt, 'base64'), params, expected.length);
  return timingSafeEqual(actual, expected);
}
