import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { IdleScreens } from '../../../main/app/idle-screens.ts';
import { KioskShell } from '../../../main/app/kiosk-shell.ts';
import { startWebHost, type WebHost } from '../../../main/hosts/web/server.ts';
import { BridgeHub } from '../../../main/hub/bridge-hub.ts';
import { RefusalLog } from '../../../main/hub/refusal-log.ts';
import { createStreamLogger } from '../../../main/logging/logger.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import { silentLogger } from '../../../shared/logger.ts';

/**
 * Finding 8: a flood of refused bridge messages wrote one warn line each
 * (50,000 lines in 7 s). Now the first refusal of each kind is logged and
 * the rest are counted into one line per kind: asserted on the log file.
 */
const FLOOD = 50_000;
let dir: string;
let host: WebHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('refused bridge messages are logged rate-limited, with a count', () => {
  it('50,000 refused messages over the WebSocket make a handful of log lines, and the summary counts them all', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ob-flood-'));
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>');
    const logFile = join(dir, 'openbranch.log');
    const logger = createStreamLogger('info', pino.destination({ dest: logFile, sync: true }));
    let summaryDue: (() => void) | undefined;
    const refusals = new RefusalLog(logger, { after: (_ms, run) => (summaryDue = run) });
    const shell = new KioskShell({ config: configSchema.parse({}), logger: silentLogger, screens: new IdleScreens(60, 10) });
    host = await startWebHost({
      hub: new BridgeHub(shell, logger, undefined, refusals),
      rendererDir: join(dir, 'renderer'),
      port: 0,
      logger: silentLogger,
    });

    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/bridge?token=${host.token}`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    let refused = 0;
    const allRefused = new Promise<void>((resolve) =>
      ws.on('message', (data) => {
        if ((JSON.parse(data.toString()) as { type: string }).type === 'refused' && ++refused === FLOOD) resolve();
      }),
    );
    ws.send(JSON.stringify({ type: 'hello', protocol: 1 }));
    for (let i = 0; i < FLOOD / 2; i++) {
      ws.send('{"type": not json');
      ws.send(JSON.stringify({ type: 'simulator', action: { type: 'sim.clock.set', at: '2026-11-30T06:05:00+01:00' } }));
    }
    await allRefused;
    ws.close();

    const lines = () =>
      readFileSync(logFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines()).toEqual([
      expect.objectContaining({ msg: 'bridge message refused', kind: 'json', reason: 'not JSON' }),
      expect.objectContaining({ msg: 'bridge message refused', kind: 'demo-off' }),
    ]);
    summaryDue!();
    const summary = lines().slice(2);
    expect(summary.map((l) => [l.kind, l.count])).toEqual([
      ['json', FLOOD / 2 - 1],
      ['demo-off', FLOOD / 2 - 1],
    ]);
    expect(JSON.stringify(lines())).not.toContain('06:05');
  }, 120_000);
});
