import { describe, expect, it } from 'vitest';
import { DEMO_TECHNICIAN_PIN, technicianPinVerifier } from '../../../main/app/technician-access.ts';
import { hashPin } from '../../../main/security/pin.ts';
import { configSchema } from '../../../shared/config/schema.ts';

/** Which PIN opens the technician screen: the configured hash, the public demo PIN only in the embedded default, else none. */
describe('technician PIN verifier', () => {
  it('the embedded default (no config file) takes the demo PIN and nothing else', async () => {
    const verify = await technicianPinVerifier(configSchema.parse({}), undefined);
    expect(await verify(DEMO_TECHNICIAN_PIN)).toBe(true);
    expect(await verify('246811')).toBe(false);
    expect(await verify(`${DEMO_TECHNICIAN_PIN}0`)).toBe(false);
    expect(await verify('')).toBe(false);
  });

  it('a config file without a PIN hash opens for no PIN, not even the demo one', async () => {
    const verify = await technicianPinVerifier(configSchema.parse({}), '/etc/openbranch/config.yml');
    expect(await verify(DEMO_TECHNICIAN_PIN)).toBe(false);
  });

  it('a configured hash is checked with scrypt, and the demo PIN does not open it', async () => {
    const config = configSchema.parse({ technician: { pinHash: await hashPin('135790') } });
    for (const file of [undefined, '/etc/openbranch/config.yml']) {
      const verify = await technicianPinVerifier(config, file);
      expect(await verify('135790')).toBe(true);
      expect(await verify(DEMO_TECHNICIAN_PIN)).toBe(false);
    }
  });
});
