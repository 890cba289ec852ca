import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startupExitCode } from '../../../main/storage/storage-errors.ts';
import { OpenBranchError } from '../../../shared/errors.ts';

/**
 * The systemd units restart the kiosk one second after any exit except 78
 * (EX_CONFIG: a broken config, a data file from a newer OpenBranch), which
 * a restart cannot fix: then exit-note.sh says so in the journal and the
 * config's path unit starts the kiosk again once the file is saved.
 */
const LINUX = resolve(import.meta.dirname, '../../../resources/deploy/linux');
const SERVICES = ['openbranch-kiosk.service', 'openbranch-web-kiosk.service'] as const;

/** A unit file's keys per section, every value of a repeated key kept. */
function unit(name: string): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  let section = '';
  for (const raw of readFileSync(join(LINUX, name), 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const head = /^\[(\w+)\]$/.exec(line);
    if (head) {
      section = head[1]!;
      out[section] ??= {};
      continue;
    }
    const at = line.indexOf('=');
    const keys = out[section]!;
    const key = line.slice(0, at);
    keys[key] = [...(keys[key] ?? []), line.slice(at + 1)];
  }
  return out;
}

const analyzeWorks = spawnSync('systemd-analyze', ['--version']).status === 0;

describe('systemd restart policy', () => {
  it.each(SERVICES)('%s: back one second after any exit, never given up on, but not after exit 78', (name) => {
    const s = unit(name);
    expect(s.Unit?.StartLimitIntervalSec).toEqual(['0']);
    expect(s.Service?.Restart).toEqual(['always']);
    expect(s.Service?.RestartSec).toEqual(['1']);
    expect(s.Service?.RestartPreventExitStatus).toEqual(['78']);
    const note = s.Service?.ExecStopPost?.[0]?.split(' ') ?? [];
    expect(note[0]).toBe('/opt/OpenBranch/resources/deploy/linux/exit-note.sh');
    expect(note.slice(1)).toEqual([name, '$' + '{OPENBRANCH_CONFIG}']);
    // Its config watcher comes with it.
    const path = name.replace('.service', '-config.path');
    expect(s.Unit?.Wants?.join(' ').split(' ')).toContain(path);
    const p = unit(path);
    expect(p.Path?.Unit).toEqual([name]);
    expect(p.Path?.PathChanged).toEqual(s.Service?.Environment?.filter((e) => e.startsWith('OPENBRANCH_CONFIG=')).map((e) => e.slice(18)));
  });

  it.runIf(analyzeWorks)('systemd-analyze knows every key (only the absent binaries of this build machine are reported)', () => {
    const files = [...SERVICES, ...SERVICES.map((s) => s.replace('.service', '-config.path'))];
    const r = spawnSync('systemd-analyze', ['verify', '--man=no', ...files.map((f) => `./${f}`)], { cwd: LINUX, encoding: 'utf8' });
    const problems = `${r.stdout}${r.stderr}`.split('\n').filter((l) => l.trim() !== '' && !/is not executable: No such file/.test(l));
    expect(problems).toEqual([]);
  });

  it('the deb installs the path units with the services', () => {
    const postinst = readFileSync(join(LINUX, 'deb-postinst.sh'), 'utf8');
    for (const s of SERVICES) {
      expect(postinst).toContain(s);
      expect(postinst).toContain(s.replace('.service', '-config.path'));
    }
  });

  const note = (env: Record<string, string>) =>
    spawnSync('sh', [join(LINUX, 'exit-note.sh'), 'openbranch-kiosk.service', '/etc/openbranch/kiosk.yaml'], {
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
    });

  it('exit-note.sh: after exit 78 the journal says why it stays stopped and how it comes back', () => {
    const r = note({ SERVICE_RESULT: 'exit-code', EXIT_CODE: 'exited', EXIT_STATUS: '78' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('NOT restarting');
    expect(r.stdout).toContain('Saving /etc/openbranch/kiosk.yaml starts it again');
    expect(r.stdout).toContain('systemctl restart openbranch-kiosk.service');
  });

  it.each([
    { EXIT_CODE: 'exited', EXIT_STATUS: '75' },
    { EXIT_CODE: 'exited', EXIT_STATUS: '0' },
    { EXIT_CODE: 'killed', EXIT_STATUS: 'KILL' },
  ])('exit-note.sh: silent when systemd restarts anyway (%o)', (env) => {
    const r = note(env);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });
});

describe('start-up exit codes', () => {
  const code = (c: ConstructorParameters<typeof OpenBranchError>[0], details: Record<string, unknown> = {}) =>
    startupExitCode(new OpenBranchError(c, 'x', details));

  it('78 only for what a restart cannot fix', () => {
    expect(code('config.invalid')).toBe(78);
    expect(code('queue.schema-newer')).toBe(78);
    expect(code('config.port', { errno: 'EACCES' })).toBe(78);
  });

  it('75 when the next start may succeed: a damaged file moved aside, a held file or port', () => {
    expect(code('storage.corrupt')).toBe(75);
    expect(code('storage.locked')).toBe(75);
    expect(code('config.port', { errno: 'EADDRINUSE' })).toBe(75);
  });

  it('74 when the operating system refused', () => {
    for (const c of ['storage.full', 'storage.read-only', 'storage.unreadable', 'storage.io'] as const) expect(code(c)).toBe(74);
  });
});
