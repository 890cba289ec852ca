/**
 * SIP2: codec round-trip throughput, and the client's overhead per request
 * over the demo ACS's own time on loopback (target: under 1 ms p99).
 */

import { connectCentral } from '../../main/central/index.ts';
import { decodeMessage } from '../../main/central/sip2/codec/decode.ts';
import { encodeMessage } from '../../main/central/sip2/codec/encode.ts';
import { checkoutRequest } from '../../main/central/sip2/codec/requests.ts';
import { Sip2Operations } from '../../main/central/sip2/operations.ts';
import { configSchema } from '../../shared/config/schema.ts';
import { silentLogger } from '../../shared/logger.ts';
import { nowMs, percentile, summary } from './stats.ts';

export default async function (): Promise<void> {
  const msg = checkoutRequest({ institution: 'VAS', now: new Date() }, { patron: '23000000000017', item: '39000000000052', pin: '1234' });
  const n = 100_000;
  let t = nowMs();
  for (let i = 0; i < n; i++) decodeMessage(encodeMessage(msg, { sequence: i % 10, terminator: '\r\n' }));
  const seconds = (nowMs() - t) / 1000;
  console.log(`codec encode+decode round trip: ${Math.round(n / seconds).toLocaleString('en')} messages/s`);

  const conn = await connectCentral(configSchema.parse({ central: { kind: 'demo', latencyMs: 0, port: 0 } }), silentLogger);
  await conn.connect();
  const ops = new Sip2Operations(conn.client);
  for (let i = 0; i < 200; i++) await ops.itemInformation('39000000000052');
  const client: number[] = [];
  for (let i = 0; i < 2000; i++) {
    t = nowMs();
    await ops.itemInformation('39000000000052');
    client.push(nowMs() - t);
  }
  // With the demo ACS answering at once, the whole round trip (client, loopback TCP, server) is an
  // upper bound on the client's own overhead per request.
  console.log(`client round trip (item information, demo ACS, loopback, AY/AZ on): ${summary(client)}`);
  console.log(`p99 - p50 spread: ${(percentile(client, 99) - percentile(client, 50)).toFixed(3)} ms`);
  await conn.close();
}
