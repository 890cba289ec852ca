import { createKioskMetrics } from '../../main/metrics/registry.ts';
import { hashPin, verifyPin } from '../../main/security/pin.ts';
import { nowMs, summary } from './stats.ts';

/**
 * Cost of the fleet view on a kiosk: feeding KioskMetrics on the hot paths,
 * one Prometheus scrape, and the technician PIN check (scrypt, meant to be slow).
 */
export default async function (): Promise<void> {
  const k = createKioskMetrics({ version: 'bench', branch: 'bench', processMetrics: true });
  for (let d = 0; d < 8; d++)
    k.metrics.deviceStatus({ id: `dev${d}`, kind: 'rfid' }, { state: 'connected', since: new Date().toISOString() });

  const feed: number[] = [];
  for (let round = 0; round < 20; round++) {
    const t = nowMs();
    for (let i = 0; i < 10_000; i++) {
      k.metrics.centralRoundTrip(i % 2 ? 'checkout' : 'checkin', (i % 100) / 100);
      k.metrics.queue(i % 50, new Date());
      if (i % 10 === 0) k.metrics.doorGranted();
      if (i % 97 === 0) k.metrics.doorDenied('pin.wrong');
    }
    feed.push((nowMs() - t) / 10_000);
  }
  console.log(`feed (per event group of 4 calls): ${summary(feed)}`);

  const scrape: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 200; i++) {
    const t = nowMs();
    bytes = (await k.registry.metrics()).length;
    scrape.push(nowMs() - t);
  }
  console.log(`scrape /metrics (${bytes} bytes): ${summary(scrape)}`);

  const health: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const t = nowMs();
    JSON.stringify(k.health());
    health.push(nowMs() - t);
  }
  console.log(`health JSON: ${summary(health)}`);

  const stored = await hashPin('482915');
  const pin: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = nowMs();
    await verifyPin('482915', stored);
    pin.push(nowMs() - t);
  }
  console.log(`technician PIN check (scrypt N=2^15, r=8): ${summary(pin)}`);
}
