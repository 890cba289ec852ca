import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../main/logging/logger.ts';

const dir = mkdtempSync(join(tmpdir(), 'ob-logs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('log files', () => {
  it('are written to the log folder and never contain PINs, passwords, tokens or card numbers', async () => {
    // Deferred as the kiosk does it: lines logged before the file transport starts are written too.
    const logging = createLogger({ level: 'trace', dir, console: false, deferFiles: true });
    const { logger } = logging;
    const sip2 = logger.child({ subsystem: 'sip2' });
    sip2.info({ pin: '4711', password: 'hunter2-koha' }, 'login');
    sip2.debug({ request: { cardNumber: '23000000000017', pin: '8642' } }, 'patron');
    logger.warn({ event: { type: 'pin.entered', pin: '97531' } }, 'refused');
    logging.startFiles();
    logger.info({ token: 'tok-abcdef123456' }, 'web host');
    logger.info({ outcome: 'granted', reason: 'ok' }, 'door');
    await logging.close(); // the worker has written and closed the files
    const files = readdirSync(dir).filter((f) => f.endsWith('.log'));
    expect(files.length).toBeGreaterThan(0);
    const text = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    expect(text).toContain('"outcome":"granted"');
    expect(text).toContain('"msg":"login"'); // logged before the transport started
    expect(text.indexOf('"msg":"login"')).toBeLessThan(text.indexOf('"msg":"door"'));
    for (const secret of ['4711', 'hunter2-koha', '23000000000017', '8642', '97531', 'tok-abcdef123456']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
  });
});
