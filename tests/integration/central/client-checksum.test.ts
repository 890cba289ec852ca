import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DemoAcs, startDemoAcs } from '../../../main/central/demo/acs-server.ts';
import { DEMO_LOGIN } from '../../../main/central/demo/data.ts';
import { Sip2Client } from '../../../main/central/sip2/client.ts';
import { Sip2Operations } from '../../../main/central/sip2/operations.ts';
import { kohaProfile } from '../../../main/central/sip2/profiles.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { type Sip2Tap, sip2Tap } from './sip2-tap.ts';

/**
 * Finding 9: a SIP2 client that ignored the checksum of a response
 * survived the suite. Here a TCP tap between the client and the demo ACS
 * forges one answer (a different title, the original AZ kept, so the
 * checksum no longer adds up). The client must ask for a resend (97 on the
 * wire) and use the ACS's real answer, never the forged one.
 */

/** SIP2 checksum (3M SIP2 spec, "Error detection"), written out here rather than taken from the code under test. */
const sip2Checksum = (text: string) => {
  let sum = 0;
  for (const b of Buffer.from(text, 'latin1')) sum = (sum + b) & 0xffff;
  return (-sum & 0xffff).toString(16).toUpperCase().padStart(4, '0');
};

let acs: DemoAcs;
let proxy: Sip2Tap;
let client: Sip2Client | undefined;
beforeEach(async () => {
  acs = await startDemoAcs();
  proxy = await sip2Tap(acs.port);
});
afterEach(async () => {
  client?.close();
  await proxy.close();
  await acs.close();
});

/** A client through the tap, and an item's real answer to compare forged ones with. */
async function connected() {
  client = new Sip2Client({
    host: '127.0.0.1',
    port: proxy.port,
    ...DEMO_LOGIN,
    profile: kohaProfile,
    timeoutMs: 2000,
    logger: silentLogger,
  });
  const ops = new Sip2Operations(client);
  await client.connect();
  const real = await ops.itemInformation('39000000000052');
  expect(real.title).toBeTruthy();
  return { ops, real };
}

describe('SIP2 client: a response with a bad checksum', () => {
  it('is refused: the client sends 97 and uses the clean answer, never the forged one', async () => {
    const { ops, real } = await connected();

    proxy.forgeNext('18', (m) => m.replace(/\|AJ[^|]*\|/, '|AJForged title|'));
    const sentBefore = proxy.sent.length;
    const answer = await ops.itemInformation('39000000000052');
    expect(answer.title).toBe(real.title);

    const sent = proxy.sent.slice(sentBefore);
    expect(sent.map((m) => m.slice(0, 2))).toEqual(['17', '97']);
    // The resend request itself carries a valid checksum: "97AZ" + four hex digits.
    expect(sent[1]).toMatch(/^97AZ[0-9A-F]{4}$/);
    expect(sent[1]!.slice(4)).toBe(sip2Checksum('97AZ'));
  });

  it('a checksum that adds up but a sequence number that does not is refused the same way', async () => {
    const { ops, real } = await connected();
    // Another answer's sequence number, re-checksummed: well formed, but not the answer to this request.
    proxy.forgeNext('18', (m) => {
      const head = m
        .replace(/\|AY(\d)AZ[0-9A-F]{4}$/, (_, n: string) => `|AY${(Number(n) + 5) % 10}AZ`)
        .replace(/\|AJ[^|]*\|/, '|AJForged title|');
      expect(head).toMatch(/AZ$/);
      return head + sip2Checksum(head);
    });
    const sentBefore = proxy.sent.length;
    expect((await ops.itemInformation('39000000000052')).title).toBe(real.title);
    expect(proxy.sent.slice(sentBefore).map((m) => m.slice(0, 2))).toEqual(['17', '97']);
  });
});
