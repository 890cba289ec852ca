import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harvestChild } from '../../../main/app/install-paths.ts';
import { harvestInChild } from '../../../main/catalog/harvest-process.ts';
import { KioskCatalog } from '../../../main/catalog/kiosk-catalog.ts';
import { openCatalogDb } from '../../../main/catalog/store.ts';
import { catalogSchema } from '../../../shared/config/catalog.ts';
import { NO_PREFERENCES } from '../../../shared/domain/discover.ts';
import { isOpenBranchError } from '../../../shared/errors.ts';
import type { Logger } from '../../../shared/logger.ts';
import { processAlive } from '../../support/process-alive.ts';
import { DemoAcsProcess } from './demo-acs-process.ts';

/** A logger that keeps every line (the child's lines arrive through it). */
function recordingLogger(lines: { level: string; obj: Record<string, unknown>; msg?: string }[]): Logger {
  const at = (level: string) => (a: Record<string, unknown> | string, msg?: string) =>
    void lines.push(typeof a === 'string' ? { level, obj: {}, msg: a } : { level, obj: a, ...(msg ? { msg } : {}) });
  const logger: Logger = {
    trace: at('trace'),
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => logger,
  };
  return logger;
}

describe('the kiosk harvests its catalogue file in a process of its own', () => {
  let acs: DemoAcsProcess;
  let dir: string;
  beforeAll(async () => {
    acs = await DemoAcsProcess.start();
    dir = mkdtempSync(join(tmpdir(), 'ob-harvest-child-'));
  }, 60_000);
  afterAll(async () => {
    await acs?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const kioskCatalog = (file: string, lines: Parameters<typeof recordingLogger>[0]) =>
    new KioskCatalog({
      config: catalogSchema.parse({ retries: 1, backoffMs: 10, maxBackoffMs: 20 }),
      file,
      oaiUrl: acs.oaiUrl,
      here: 'VAS',
      logger: recordingLogger(lines),
      harvestChild,
    });

  it('the first harvest fills the file the kiosk reads and searches', async () => {
    const lines: Parameters<typeof recordingLogger>[0] = [];
    const file = join(dir, 'first.sqlite');
    const catalog = kioskCatalog(file, lines);
    try {
      expect(catalog.ready()).toBe(false);
      const result = await catalog.harvestNow(true);
      expect(result?.stored).toBeGreaterThan(2000);
      expect(catalog.ready()).toBe(true);
      const db = openCatalogDb(file);
      const rows = (db.prepare('SELECT count(*) AS n FROM catalog_records').get() as { n: number }).n;
      db.close();
      expect(rows).toBe(result?.total);
      // A search through the kiosk's own connection sees what the child wrote.
      expect(catalog.recommend(NO_PREFERENCES).length).toBeGreaterThan(0);
    } finally {
      await catalog.stop();
    }
  }, 120_000);

  it('a stop during a harvest kills the harvest process; its forwarded lines name it', async () => {
    await acs.tell('/demo/misbehave', { kind: 'busy', count: 1000, retryAfterSeconds: 600 });
    const lines: Parameters<typeof recordingLogger>[0] = [];
    const catalog = kioskCatalog(join(dir, 'stopped.sqlite'), lines);
    try {
      void catalog.harvestNow(true);
      await expect.poll(() => lines.find((l) => l.msg === 'catalogue page failed; asking again'), { timeout: 60_000 }).toBeDefined();
      const pid = Number(lines.find((l) => l.obj.harvestPid !== undefined)?.obj.harvestPid);
      expect(pid).toBeGreaterThan(0);
      expect(pid).not.toBe(process.pid);
      expect(processAlive(pid)).toBe(true);
      await catalog.stop();
      await expect.poll(() => processAlive(pid), { timeout: 10_000 }).toBe(false);
      expect(catalog.ready()).toBe(false);
    } finally {
      await acs.tell('/demo/misbehave', { kind: 'normal' });
    }
  }, 120_000);

  const inChild = (file: string, url: string) =>
    harvestInChild(
      harvestChild,
      { file, options: { url, timeoutMs: 2000, retries: 0, backoffMs: 10, maxBackoffMs: 10 } },
      recordingLogger([]),
      new AbortController().signal,
    ).catch((e: unknown) => e);

  it("the harvest's own error comes back with its code", async () => {
    const error = await inChild(join(dir, 'unreachable.sqlite'), 'http://127.0.0.1:1/cgi-bin/koha/oai.pl');
    expect(isOpenBranchError(error, 'catalog.unreachable')).toBe(true);
  }, 60_000);

  it('a file the harvest cannot open comes back as the storage error it is', async () => {
    const notAFolder = join(dir, 'a-file');
    writeFileSync(notAFolder, '');
    const error = await inChild(join(notAFolder, 'x.sqlite'), acs.oaiUrl);
    expect(isOpenBranchError(error)).toBe(true);
    expect((error as Error).message).toMatch(/a-file: cannot create the folder/);
  }, 60_000);

  it('a harvest process killed mid-harvest is a typed error', async () => {
    await acs.tell('/demo/misbehave', { kind: 'busy', count: 1000, retryAfterSeconds: 600 });
    const lines: Parameters<typeof recordingLogger>[0] = [];
    try {
      const answer = harvestInChild(
        harvestChild,
        { file: join(dir, 'killed.sqlite'), options: { url: acs.oaiUrl, timeoutMs: 2000, retries: 5, backoffMs: 10, maxBackoffMs: 10 } },
        recordingLogger(lines),
        new AbortController().signal,
      ).catch((e: unknown) => e);
      await expect.poll(() => lines.find((l) => l.obj.harvestPid !== undefined), { timeout: 60_000 }).toBeDefined();
      process.kill(Number(lines.find((l) => l.obj.harvestPid !== undefined)?.obj.harvestPid), 'SIGKILL');
      const error = await answer;
      expect(isOpenBranchError(error, 'catalog.harvest-process')).toBe(true);
      expect((error as Error).message).toMatch(/ended \(SIGKILL\) without an answer/);
    } finally {
      await acs.tell('/demo/misbehave', { kind: 'normal' });
    }
  }, 60_000);

  it('a kiosk killed mid-harvest takes its harvest process with it', async () => {
    await acs.tell('/demo/misbehave', { kind: 'busy', count: 1000, retryAfterSeconds: 600 });
    const parent = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'harvest-parent.ts'), join(dir, 'orphan.sqlite'), acs.oaiUrl],
      {
        cwd: join(import.meta.dirname, '../../..'),
        detached: true,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const pid = await new Promise<number>((resolvePid, reject) => {
        parent.stdout?.on('data', (d) => {
          const m = /^harvest (\d+)$/m.exec(String(d));
          if (m) resolvePid(Number(m[1]));
        });
        parent.once('exit', (code) => reject(new Error(`the stand-in kiosk exited (${code}) before its harvest started`)));
      });
      expect(processAlive(pid)).toBe(true);
      process.kill(parent.pid!, 'SIGKILL');
      await expect.poll(() => processAlive(pid), { timeout: 20_000 }).toBe(false);
    } finally {
      try {
        process.kill(-parent.pid!, 'SIGKILL');
      } catch {
        // all gone
      }
      await acs.tell('/demo/misbehave', { kind: 'normal' });
    }
  }, 60_000);
});
