/**
 * What the door's safeguards cost (`npm run bench -- trust-door`), each
 * beside a reference measured in the same run, in alternating rounds:
 * - the PIN attempt count written before the check (an insert and an
 *   update on the kiosk's SQLite file, synchronous=FULL) beside a bare
 *   insert of a row of the same size on the same file;
 * - a door entry online (demo ACS answering in 50 ms over real SIP2) with
 *   the attempt limit beside the same door without it;
 * - 50,000 refused bridge messages logged rate-limited beside the same
 *   refusals logged one line each (what the hub did before), into a file;
 * - one background re-check of 200 cached patrons beside 200 bare patron
 *   look-ups on the same SIP2 client.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { IdleScreens } from '../../main/app/idle-screens.ts';
import { KioskShell } from '../../main/app/kiosk-shell.ts';
import { DEMO_PATRONS } from '../../main/central/demo/data.ts';
import { connectCentral } from '../../main/central/index.ts';
import { CacheRefresh } from '../../main/door/cache-refresh.ts';
import { EntryCache } from '../../main/door/entry-cache.ts';
import { BridgeHub } from '../../main/hub/bridge-hub.ts';
import { RefusalLog } from '../../main/hub/refusal-log.ts';
import { createStreamLogger } from '../../main/logging/logger.ts';
import { InstallKey } from '../../main/security/install-key.ts';
import { PinAttempts } from '../../main/security/pin-attempts.ts';
import { type Db, openDatabase } from '../../main/storage/database.ts';
import { configSchema } from '../../shared/config/schema.ts';
import { silentLogger } from '../../shared/logger.ts';
import { interleaved } from './compare.ts';
import { timeDoorEntry } from './door-entry.ts';
import { nowMs, percentile, summary } from './stats.ts';

// Monday 06:05 in Stockholm: unstaffed hours.
const AT = new Date('2026-11-30T05:05:00Z');

async function attemptCost(db: Db): Promise<void> {
  const attempts = new PinAttempts(db, { wrong: 1_000_000, windowMinutes: 15 }, InstallKey.ephemeral().cardKey);
  db.exec('CREATE TABLE bare (id INTEGER PRIMARY KEY, card_key TEXT NOT NULL, at INTEGER NOT NULL)');
  const insert = db.prepare('INSERT INTO bare (card_key, at) VALUES (?, ?)');
  const key = 'f'.repeat(64);
  let i = 0;
  const samples = await interleaved(2000, {
    limit: async () => {
      const t = nowMs();
      const a = attempts.begin(`2300000000${i++}`);
      if (a.ok) a.settle('wrong');
      return nowMs() - t;
    },
    bare: async () => {
      const t = nowMs();
      insert.run(key, Date.now());
      return nowMs() - t;
    },
  });
  besides(
    'PIN attempt counted before the check (begin + settle, synchronous=FULL)',
    samples.limit,
    'one bare insert on the same file',
    samples.bare,
  );
}

async function doorWithLimit(db: Db): Promise<void> {
  const config = configSchema.parse({ central: { kind: 'demo', latencyMs: 50, port: 0 } });
  const conn = await connectCentral(config, silentLogger);
  await conn.connect();
  try {
    const attempts = new PinAttempts(db, config.policies.pinAttempts, InstallKey.ephemeral().cardKey);
    const rules = config.door;
    const samples = await interleaved(100, {
      limit: () => timeDoorEntry({ central: conn.central, rules, attempts }),
      none: () => timeDoorEntry({ central: conn.central, rules }),
    });
    besides(
      'door entry online (ACS 50 ms): PIN submitted -> relay on, with the attempt limit',
      samples.limit,
      'the same door without it',
      samples.none,
    );
  } finally {
    await conn.close();
  }
}

async function refusalFlood(dir: string): Promise<void> {
  const FLOOD = 50_000;
  const shell = new KioskShell({ config: configSchema.parse({}), logger: silentLogger, screens: new IdleScreens(60, 10) });
  const run = (name: string, hub: (logger: ReturnType<typeof createStreamLogger>) => BridgeHub) => {
    const file = join(dir, `${name}.log`);
    const logger = createStreamLogger('info', pino.destination({ dest: file, sync: true }));
    const connection = hub(logger).connect(() => {}, 'bench');
    connection.receive('{"type":"hello","protocol":1}');
    const t = nowMs();
    for (let i = 0; i < FLOOD; i++) connection.receive('{"type": not json');
    const ms = nowMs() - t;
    return { ms, lines: readFileSync(file, 'utf8').split('\n').filter(Boolean).length };
  };
  const limited = run('limited', (logger) => new BridgeHub(shell, logger, undefined, new RefusalLog(logger, { after: () => {} })));
  // The hub as it was: one warn line per refused message.
  const eachLine = run('each', (logger) => {
    const everyOne = new RefusalLog(logger, { after: () => {} });
    everyOne.refused = (kind, reason, peer) => logger.warn({ kind, reason, peer }, 'bridge message refused');
    return new BridgeHub(shell, logger, undefined, everyOne);
  });
  console.log(
    `50,000 refused bridge messages: rate-limited ${limited.ms.toFixed(0)} ms, ${limited.lines} log line(s); one line each ${eachLine.ms.toFixed(0)} ms, ${eachLine.lines} lines`,
  );
  shell.dispose();
}

async function refreshRound(db: Db): Promise<void> {
  const config = configSchema.parse({
    central: { kind: 'demo', latencyMs: 0, port: 0 },
    door: { offlineEntry: { refresh: { everyMinutes: 1, perMinute: 200 } } },
  });
  const conn = await connectCentral(config, silentLogger);
  await conn.connect();
  try {
    let now = AT.getTime();
    const cache = new EntryCache(db, 14, InstallKey.ephemeral(), () => now);
    // 200 members in good standing, registered in the demo library system as staff would in Koha.
    const anna = DEMO_PATRONS[0]!;
    const cards = Array.from({ length: 200 }, (_, i) => `2399${String(i).padStart(10, '0')}`);
    for (const card of cards) conn.demo!.inProcess!.state.addPatron({ ...anna, cardNumber: card });
    for (const card of cards) await cache.remember(card, '1234', { denial: undefined, staff: false });
    const refresh = new CacheRefresh(cache, conn.central, config.door, 'Europe/Stockholm', silentLogger, {
      now: () => now,
      every: () => () => {},
    });
    const samples = await interleaved(5, {
      refresh: async () => {
        for (const card of cards) await cache.remember(card, '1234', { denial: undefined, staff: false });
        now += 60_000;
        const t = nowMs();
        await refresh.round();
        return nowMs() - t;
      },
      bare: async () => {
        const t = nowMs();
        for (const card of cards) await conn.central.patronInformation(card, undefined, { brief: true });
        return nowMs() - t;
      },
    });
    besides('re-check of 200 cached patrons (demo ACS, no latency)', samples.refresh, '200 bare patron look-ups', samples.bare);
  } finally {
    await conn.close();
  }
}

/** The project's figure beside its same-run reference: p50 and p99 of each, and the ratio of the p50s (no target: a cost, stated). */
function besides(what: string, project: readonly number[], refName: string, reference: readonly number[]): void {
  const p50 = (xs: readonly number[]) => percentile(xs, 50);
  console.log(`${what}: ${summary(project)}; ${refName}: ${summary(reference)}; p50 ratio ${(p50(project) / p50(reference)).toFixed(2)}x`);
}

export default async function (): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ob-trust-door-bench-'));
  const db = openDatabase(join(dir, 'openbranch.sqlite'));
  try {
    await attemptCost(db);
    await doorWithLimit(db);
    await refusalFlood(dir);
    await refreshRound(db);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
