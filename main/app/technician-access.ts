import type { KioskConfig } from '../../shared/config/schema.ts';
import { hashPin, verifyPin } from '../security/pin.ts';

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
  const stored = config.technician.pinHash ?? (configFile === undefined ? await hashPin(DEMO_TECHNICIAN_PIN) : undefined);
  if (stored === undefined) return async () => false;
  return (pin) => verifyPin(pin, stored);
}
