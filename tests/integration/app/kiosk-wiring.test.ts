import { afterEach, describe, expect, it } from 'vitest';
import { type RunningKiosk, startKiosk } from '../../../main/app/start-kiosk.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { until } from '../../support/patience.ts';

let kiosk: RunningKiosk | undefined;
afterEach(async () => {
  await kiosk?.stop();
  kiosk = undefined;
});

/**
 * The composition root on the embedded default, in process: real SIP2 to
 * the demo ACS. What the fleet view reports must come from the running
 * kiosk, not only from the metrics module's own tests.
 */
describe('kiosk wiring: the fleet view is fed by the running kiosk', () => {
  it('counts SIP2 round trips by command, and a lost central system becomes the last error', async () => {
    kiosk = await startKiosk({ config: configSchema.parse({ metrics: { enabled: false } }), logger: silentLogger });
    const k = kiosk;
    await until(() => k.queue.mode() === 'online');
    await k.queue.patronInformation('23000000000017', '1234');
    const text = await k.metrics.registry.metrics();
    expect(text).toMatch(/central_round_trip_seconds_count\{[^}]*command="patron-information"[^}]*\} [1-9]/);
    expect(k.metrics.health().lastError).toBeNull();

    k.central.demo!.misbehave({ kind: 'drop' });
    await k.queue.patronInformation('23000000000017', '1234').catch(() => undefined);
    await until(() => k.metrics.health().lastError !== null);
    expect(k.metrics.health().lastError).toMatchObject({ code: 'central.offline' });
  });

  it('the self-service flows lend through the write-ahead queue: the loan is on disk as done', async () => {
    kiosk = await startKiosk({ config: configSchema.parse({ metrics: { enabled: false } }), logger: silentLogger });
    const k = kiosk;
    await until(() => k.queue.mode() === 'online');
    const r = await k.queue.checkout({ cardNumber: '23000000000017', itemId: '39000000000011' });
    expect(r.ok).toBe(true);
    const rows = k.queue.store.db.prepare("SELECT kind, state FROM queue_transactions WHERE item = '39000000000011'").all();
    expect(rows).toEqual([{ kind: 'checkout', state: 'done' }]);
    // The session screens are given this same queue, not the raw central system.
    expect((k.screens as unknown as { deps: { central: unknown } }).deps.central).toBe(k.queue);
  });
});
