import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processAlive } from '../../support/process-alive.ts';

// resources/deploy/linux/web-kiosk.sh run for real with stand-ins for the
// openbranch command and Chromium (shell scripts that record what they got).
const SCRIPT = resolve(import.meta.dirname, '../../../resources/deploy/linux/web-kiosk.sh');
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setup(hostOutput: string, browserRuns = '') {
  dir = mkdtempSync(join(tmpdir(), 'ob-webkiosk-'));
  const host = join(dir, 'openbranch');
  writeFileSync(host, `#!/bin/bash\necho "$$" > ${dir}/host.pid\necho "$@" > ${dir}/host.args\n${hostOutput}\nexec sleep 30\n`);
  const browser = join(dir, 'chromium');
  writeFileSync(browser, `#!/bin/bash\nprintf '%s\\n' "$@" > ${dir}/browser.args\n${browserRuns}\n`);
  chmodSync(host, 0o755);
  chmodSync(browser, 0o755);
  const env = {
    ...process.env,
    OPENBRANCH_BIN: host,
    CHROMIUM_BIN: browser,
    OPENBRANCH_PORT: '5391',
    OPENBRANCH_CHROMIUM_PROFILE: join(dir, 'profile'),
  };
  return spawnSync('bash', [SCRIPT], { env, encoding: 'utf8', timeout: 15_000 });
}

describe('web-kiosk.sh', () => {
  it('opens the printed URL in Chromium --kiosk and stops the host when the browser exits', () => {
    const url = 'http://127.0.0.1:5391/?token=abc123';
    const run = setup(`echo "starting"\necho "OpenBranch kiosk: ${url}"`);
    expect(run.status).toBe(1);
    expect(readFileSync(join(dir, 'host.args'), 'utf8').trim()).toBe('start --web --port 5391');
    const args = readFileSync(join(dir, 'browser.args'), 'utf8').trim().split('\n');
    expect(args).toContain('--kiosk');
    expect(args.at(-1)).toBe(url);
    expect(args).toContain(`--user-data-dir=${join(dir, 'profile')}`);
    expect(processAlive(Number(readFileSync(join(dir, 'host.pid'), 'utf8')))).toBe(false);
  });

  it('never starts Chromium when the host prints no URL (and passes its exit status on)', () => {
    const run = setup('echo "config error"; exit 2');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('printed no URL');
    expect(existsSync(join(dir, 'browser.args'))).toBe(false);
  });

  it('passes exit 78 on when the host refuses to start (systemd then does not restart it)', () => {
    const run = setup('echo "openbranch: /etc/openbranch/kiosk.yaml: invalid configuration [config.invalid]" >&2; exit 78');
    expect(run.status).toBe(78);
    expect(run.stdout).toContain('invalid configuration');
    expect(existsSync(join(dir, 'browser.args'))).toBe(false);
  });

  it('passes the host status on when the host ends after the URL', () => {
    const url = 'http://127.0.0.1:5391/?token=abc123';
    // The stand-in browser runs longer than the host, which ends with 75 (try again).
    const run = setup(`echo "OpenBranch kiosk: ${url}"; exit 75`, 'exec sleep 20');
    expect(run.status).toBe(75);
  });
});
