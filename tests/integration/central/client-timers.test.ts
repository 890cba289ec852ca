import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DemoAcs, startDemoAcs } from '../../../main/central/demo/acs-server.ts';
import { DEMO_LOGIN } from '../../../main/central/demo/data.ts';
import { Sip2Client } from '../../../main/central/sip2/client.ts';
import { Sip2Operations } from '../../../main/central/sip2/operations.ts';
import { kohaProfile } from '../../../main/central/sip2/profiles.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { patient, until } from '../../support/patience.ts';
import { type Sip2Tap, sip2Tap } from './sip2-tap.ts';

/**
 * The client keeps one timer for request timeouts and one for keep-alive,
 * neither touched per request: each request notes its deadline, each
 * answer its time, and a timer that fires early sleeps on. These tests
 * hold the rules that must survive that: every request gets its whole
 * timeout (counted from its own start), a silent ACS still fails it, and
 * a status request (99) goes out only after a quiet keep-alive period.
 */

let acs: DemoAcs;
let tap: Sip2Tap;
let client: Sip2Client | undefined;
beforeEach(async () => {
  acs = await startDemoAcs();
  tap = await sip2Tap(acs.port);
});
afterEach(async () => {
  await client?.close();
  client = undefined;
  await tap.close();
  await acs.close();
});

async function connected(o: { timeoutMs: number; keepAliveSeconds?: number }) {
  client = new Sip2Client({ host: '127.0.0.1', port: tap.port, ...DEMO_LOGIN, profile: kohaProfile, logger: silentLogger, ...o });
  await client.connect();
  return new Sip2Operations(client);
}

/** Status requests (99) the client put on the wire: the one after login, then keep-alives. */
const statusRequests = () => tap.sent.filter((m) => m.startsWith('99')).length;

describe('SIP2 client timers', () => {
  it('a request gets its whole timeout, even when it starts late in a timer armed by an earlier one', async () => {
    const timeoutMs = patient(400);
    const ops = await connected({ timeoutMs });
    // Three answers of a fifth of the timeout each: the line is busy for 3/5 of it since login armed the timer.
    acs.misbehave({ kind: 'delay', ms: timeoutMs / 5 });
    for (let i = 0; i < 3; i++) await ops.itemInformation('39000000000052');
    // This answer comes after the timer armed at login has run out, but well within this request's own timeout.
    acs.misbehave({ kind: 'delay', ms: (timeoutMs * 3) / 5 });
    expect((await ops.itemInformation('39000000000029')).title).toBe('Mio, min Mio');
  });

  it('a silent ACS fails the request with sip2.timeout, never before its own timeout', async () => {
    const timeoutMs = patient(200);
    const ops = await connected({ timeoutMs });
    for (let i = 0; i < 5; i++) await ops.itemInformation('39000000000052');
    acs.misbehave({ kind: 'silence' });
    const sent = performance.now();
    await expect(ops.itemInformation('39000000000052')).rejects.toMatchObject({ code: 'sip2.timeout' });
    expect(performance.now() - sent).toBeGreaterThanOrEqual(timeoutMs);
  });

  it('keep-alive: a 99 goes out after a quiet period, none while answers keep coming', async () => {
    const keepAliveMs = patient(100);
    const ops = await connected({ timeoutMs: patient(400), keepAliveSeconds: keepAliveMs / 1000 });
    expect(statusRequests()).toBe(1); // the one after login
    // Busy for three keep-alive periods, an answer every quarter period: the line is never quiet that long.
    acs.misbehave({ kind: 'delay', ms: keepAliveMs / 4 });
    const busyUntil = performance.now() + 3 * keepAliveMs;
    while (performance.now() < busyUntil) await ops.itemInformation('39000000000052');
    expect(statusRequests()).toBe(1);
    acs.misbehave({ kind: 'normal' });
    // Quiet now: the keep-alive comes.
    await until(() => statusRequests() >= 2, 3000, 'a keep-alive status request');
  });
});
