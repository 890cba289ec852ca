import { createServer, type Server, Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DEMO_LOGIN } from '../../../main/central/demo/data.ts';
import { connectCentral, startDemoAcs } from '../../../main/central/index.ts';
import { formatSipDate } from '../../../main/central/sip2/codec/date.ts';
import { createQueuedCentral } from '../../../main/queue/queued-central.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { offlineSchema } from '../../../shared/config/offline.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { until } from '../../support/patience.ts';
import { testKit } from './test-kit.ts';

/**
 * Finding 7 of issue 16: an offline loan was shown due 14 Dec and recorded
 * by the central system as due 28 Dec. The kiosk promised its own date
 * (offline.loanDays) but the replay sent the loan's time in "nb due date",
 * from which the ACS computed its own loan period. Now the replay sends the
 * promised date, and the ACS (the demo, like Koha since bug 32934) records
 * it: checked here on the bytes between kiosk and ACS, and in the ACS.
 */
const ANNA = '23000000000017';
const ITEM = '39000000000128';
const TZ = 'Europe/Stockholm';
const { temp, cleanups } = testKit();

/** A TCP relay between kiosk and ACS that keeps every byte the kiosk sends. */
async function wiretap(target: { host: string; port: number }): Promise<{ port: number; sent: () => string; close: () => Promise<void> }> {
  let sent = '';
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = new Socket();
    sockets.add(client).add(upstream);
    upstream.connect(target.port, target.host);
    client.on('data', (d) => {
      sent += d.toString('utf8');
      upstream.write(d);
    });
    upstream.on('data', (d) => client.write(d));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    sent: () => sent,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

describe('an offline loan is due on the date the patron was shown, also in the central system', () => {
  it('the replayed checkout carries the promised due date in "nb due date", and the ACS records that date', async () => {
    const acs = await startDemoAcs({ port: 0, timeZone: TZ });
    cleanups.push(() => acs.close());
    const tap = await wiretap(acs);
    cleanups.push(() => tap.close());
    const config = configSchema.parse({
      branch: { id: 'VAS', timezone: TZ },
      central: { kind: 'sip2', host: '127.0.0.1', port: tap.port, ...DEMO_LOGIN, timeoutMs: 500, location: 'VAS' },
    });
    const connection = await connectCentral(config, silentLogger);
    cleanups.push(() => connection.close());
    const queue = createQueuedCentral({
      central: connection.central,
      db: openDatabase(temp.file()),
      policy: offlineSchema.parse({
        requirePin: false,
        loanDays: 14,
        failuresToOffline: 1,
        onlineAfterSeconds: 0,
        probeSeconds: 1,
        backoffSeconds: 0.2,
        maxBackoffSeconds: 0.5,
        // The first try went out before the link dropped: the replay asks the ACS after this long whether it happened.
        settleSeconds: 1,
      }),
      branchId: 'VAS',
      timeZone: TZ,
      logger: silentLogger,
    });
    cleanups.push(() => {
      queue.close();
      queue.store.db.close();
    });
    await until(() => queue.mode() === 'online', 5000, 'the first connection');

    acs.misbehave({ kind: 'drop' });
    const lent = await queue.checkout({ cardNumber: ANNA, itemId: ITEM });
    expect(lent).toMatchObject({ ok: true, offline: true });
    const promised = lent.dueDate!;
    expect(promised).toMatch(/^\d{4}-\d{2}-\d{2}T23:59:00$/);

    acs.misbehave({ kind: 'normal' });
    await until(() => queue.store.backlog() === 0 && queue.mode() === 'online', 15_000, 'the replay');

    // On the wire: the no-block checkout (11, no block = Y) with the promised date as "nb due date".
    // Fixed fields of 11: SC renewal policy (1), no block (1), transaction date (18), nb due date (18).
    const checkouts = tap
      .sent()
      .split(/\r\n?/)
      .filter((m) => m.startsWith('11') && m.includes(`AB${ITEM}`));
    // The try that was cut off when the link dropped, then the replay.
    expect(checkouts.map((m) => m[3])).toEqual(['N', 'Y']);
    const fixed = checkouts[1]!.slice(2, 2 + 1 + 1 + 18 + 18);
    expect(fixed.slice(20)).toBe(`${promised.slice(0, 10).replaceAll('-', '')}    235900`);
    // In the central system: the loan's due date is the one the patron was shown.
    const loan = acs.state.loans.get(ITEM);
    expect(loan?.cardNumber).toBe(ANNA);
    expect(formatSipDate(loan!.due, TZ)).toBe(`${promised.slice(0, 10).replaceAll('-', '')}    235900`);
    // And the patron's loans list (online again) says the same date.
    const info = await queue.patronInformation(ANNA, '1234');
    expect(info.loans.find((l) => l.itemId === ITEM)?.dueDate).toBe(promised);
  });
});
