import { createHash, timingSafeEqual } from 'node:crypto';
import type { KioskConfig } from '../../shared/config/schema.ts';
import { verifyPin } from '../security/pin.ts';

/** The embedded default's technician PIN (shown by `openbranch demo patrons` and the README); never used with a config file. */
export const DEMO_TECHNICIAN_PIN = '246810';

/**
 * How the technician screen checks a PIN: against the configured scrypt
 * hash; in the embedded default against the demo PIN; otherwise never
 * (the screen stays locked until `openbranch technician set-pin`).
 */
export async function technicianPinVerifier(
  config: KioskConfig,
  configFile: string | undefined,
): Promise<(pin: string) => Promise<boolean>> {
  const stored = config.technician.pinHash;
  if (stored !== undefined) return (pin) => verifyPin(pin, stored);
  // The demo PIN is public, so it needs no hash: comparing digests keeps the check constant-time without
  // an scrypt run at every start (its 32 MB work area stayed in the thread pool's malloc arena all day).
  if (configFile === undefined) return async (pin) => sameText(pin, DEMO_TECHNICIAN_PIN);
  return async () => false;
}

const digest = (text: string) => createHash('sha256').update(text.normalize('NFC')).digest();
const sameText = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));
