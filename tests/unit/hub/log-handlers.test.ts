import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RequestRouter } from '../../../main/hub/request-router.ts';
import { logHandlers } from '../../../main/hub/requests/log-handlers.ts';
import { createLogger } from '../../../main/logging/logger.ts';
import { requestMethods } from '../../../shared/contract/requests.ts';
import { silentLogger } from '../../../shared/logger.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function logDir(files: Record<string, { text: string; ageSeconds: number }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ob-logs-'));
  dirs.push(dir);
  const now = Date.now() / 1000;
  for (const [name, f] of Object.entries(files)) {
    writeFileSync(join(dir, name), f.text);
    utimesSync(join(dir, name), now - f.ageSeconds, now - f.ageSeconds);
  }
  return dir;
}

const line = (level: number, msg: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ level, time: '2026-11-30T05:07:09.120Z', app: 'openbranch', subsystem: 'devices', msg, ...extra });

/** The log tab through the request router, as the technician screen asks for it. */
async function tail(dir: string | undefined, params: Record<string, unknown>) {
  const router = new RequestRouter(logHandlers(dir), async () => true, silentLogger);
  const reply = await router.handle('logs.tail', params, { technician: true });
  if (!reply.ok) throw new Error(reply.error.code);
  return requestMethods['logs.tail'].result.parse(reply.value).entries;
}

describe('logs.tail (technician log tab)', () => {
  it('reads the newest rotated file and turns each JSON line into time, level, subsystem, message and details', async () => {
    const dir = logDir({
      'openbranch.1.log': { text: `${line(30, 'old')}\n`, ageSeconds: 3600 },
      'openbranch.2.log': {
        text: `${line(30, 'device status', { device: 'pad', state: 'missing', err: { code: 'ENOENT' } })}\n\n${line(40, 'central system health')}\n`,
        ageSeconds: 5,
      },
      'unrelated.txt': { text: 'not a log\n', ageSeconds: 0 },
    });
    expect(await tail(dir, {})).toEqual([
      {
        time: '2026-11-30T05:07:09.120Z',
        level: 'info',
        subsystem: 'devices',
        message: 'device status',
        details: { device: 'pad', state: 'missing', 'err.code': 'ENOENT' },
      },
      { time: '2026-11-30T05:07:09.120Z', level: 'warn', subsystem: 'devices', message: 'central system health', details: {} },
    ]);
    expect((await tail(dir, { lines: 1 })).map((e) => e.message)).toEqual(['central system health']);
  });

  it('filters by level: warnings and worse, keeping lines that are not the logger’s (a crash printed by Node)', async () => {
    const dir = logDir({
      'openbranch.log': {
        text: [
          line(20, 'debugging'),
          line(30, 'fine'),
          line(40, 'careful'),
          'Error: boom at x.js:1',
          line(50, 'broken'),
          line(60, 'dead'),
        ].join('\n'),
        ageSeconds: 0,
      },
    });
    const warn = await tail(dir, { level: 'warn' });
    expect(warn.map((e) => [e.level, e.message])).toEqual([
      ['warn', 'careful'],
      [null, 'Error: boom at x.js:1'],
      ['error', 'broken'],
      ['fatal', 'dead'],
    ]);
    expect((await tail(dir, { level: 'error' })).map((e) => e.message)).toEqual(['Error: boom at x.js:1', 'broken', 'dead']);
    expect((await tail(dir, {})).length).toBe(6);
  });

  it('refuses an unknown level and a silly number of lines before reading anything', async () => {
    const router = new RequestRouter(logHandlers('/nonexistent'), async () => true, silentLogger);
    expect(await router.handle('logs.tail', { level: 'loud' }, { technician: true })).toMatchObject({
      ok: false,
      error: { code: 'bridge.params' },
    });
    expect(await router.handle('logs.tail', { lines: 10_000 }, { technician: true })).toMatchObject({
      ok: false,
      error: { code: 'bridge.params' },
    });
  });

  it('answers with no lines when logging goes to the console only or the folder is missing', async () => {
    expect(await tail(undefined, {})).toEqual([]);
    expect(await tail('/nonexistent/openbranch-logs', {})).toEqual([]);
  });

  it('what the kiosk’s own logger writes comes back readable, with secrets already redacted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ob-logs-'));
    dirs.push(dir);
    const { logger, flush } = createLogger({ level: 'info', dir, console: false });
    logger.child({ subsystem: 'sip2' }).warn({ host: 'koha.example', password: 'hunter2' }, 'SIP2 login refused');
    await flush();
    // The file is written by pino's worker thread: read until the line is there.
    let entries = await tail(dir, { level: 'warn' });
    for (const deadline = Date.now() + 10_000; entries.length === 0 && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 20));
      entries = await tail(dir, { level: 'warn' });
    }
    expect(entries).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        level: 'warn',
        subsystem: 'sip2',
        message: 'SIP2 login refused',
        details: { host: 'koha.example', password: '[redacted]' },
      },
    ]);
    expect(JSON.stringify(entries)).not.toContain('hunter2');
  });
});
