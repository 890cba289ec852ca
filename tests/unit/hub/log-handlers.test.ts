import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { logHandlers } from '../../../main/hub/requests/log-handlers.ts';

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

describe('logs.tail (technician log tab)', () => {
  it('shows the last lines of the newest rotated file, not an older one', async () => {
    const dir = logDir({
      'openbranch.1.log': { text: 'old a\nold b\n', ageSeconds: 3600 },
      'openbranch.2.log': { text: 'one\ntwo\n\nthree\nfour\n', ageSeconds: 5 },
      'unrelated.txt': { text: 'not a log\n', ageSeconds: 0 },
    });
    const tail = logHandlers(dir)['logs.tail'];
    expect(await tail({ lines: 2 })).toEqual({ lines: ['three', 'four'] });
    expect(await tail({ lines: 100 })).toEqual({ lines: ['one', 'two', 'three', 'four'] });
  });

  it('answers with no lines when logging goes to the console only or the folder is missing', async () => {
    expect(await logHandlers(undefined)['logs.tail']({ lines: 10 })).toEqual({ lines: [] });
    expect(await logHandlers('/nonexistent/openbranch-logs')['logs.tail']({ lines: 10 })).toEqual({ lines: [] });
  });
});
