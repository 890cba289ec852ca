import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { centralListener, kioskHome, removeHome, runStart } from './start-process.ts';

/**
 * Finding 8: data files and logs were created 0644. After a real
 * `openbranch start`, every folder it made is 0700 and every file 0600,
 * including files an older version left open.
 */
let central: Awaited<ReturnType<typeof centralListener>>;
const homes: string[] = [];
beforeAll(async () => {
  central = await centralListener();
  return () => central.close();
});
afterEach(() => {
  for (const h of homes.splice(0)) removeHome(h);
});

/** Every folder and file under `dir` with its permission bits, as "path mode" lines. */
function modes(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => `${relative(dir, join(dir, f))} ${(statSync(join(dir, f)).mode & 0o777).toString(8)}`)
    .sort();
}

describe('data at rest: modes on disk after a real start', () => {
  it('the data and log folders 0700, the SQLite file, its WAL, the card-key secret and the logs 0600; older 0644 files tightened', async () => {
    const h = kioskHome(central.port);
    homes.push(h.home);
    // What an older version left: a world-readable folder, data file and log.
    mkdirSync(h.data, { mode: 0o755 });
    chmodSync(h.data, 0o755);
    writeFileSync(h.file, '', { mode: 0o644 });
    mkdirSync(join(h.home, 'logs'), { mode: 0o755 });
    writeFileSync(join(h.home, 'logs', 'openbranch.1.log'), '{}\n', { mode: 0o644 });
    chmodSync(join(h.home, 'logs'), 0o755);
    // Until the kiosk says where its logs are: the URL comes earlier (before the core is loaded),
    // this line only once the data file, the secret and the log files have been written.
    const r = await runStart(h.home, h.config, { stopAt: /^Logs: /m });
    expect(r.stderr).not.toMatch(/storage\./);
    const listed = modes(h.home).filter((l) => !l.startsWith('config.yaml'));
    expect(listed).toEqual(
      expect.arrayContaining([
        'data 700',
        'data/openbranch.sqlite 600',
        'data/card-key.secret 600',
        'logs 700',
        'logs/openbranch.1.log 600',
      ]),
    );
    for (const line of listed) expect(line, line).toMatch(/^(data|logs)( 700|\/\S+ 600)$/);
  });
});
