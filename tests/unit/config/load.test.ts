import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../main/config/load.ts';
import { isOpenBranchError, type OpenBranchError } from '../../../shared/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'ob-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const failure = (file: string): OpenBranchError => {
  try {
    loadConfig(file);
  } catch (e) {
    if (isOpenBranchError(e)) return e;
    throw e;
  }
  throw new Error('expected the config to be refused');
};

describe('config loading', () => {
  it('without a file runs the embedded default: demo central system and simulated devices', () => {
    const { config, file } = loadConfig(undefined);
    expect(file).toBeUndefined();
    expect(config.central.kind).toBe('demo');
    expect(config.devices.map((d) => d.driver)).toEqual(expect.arrayContaining(['simulated']));
    expect(config.branch.language).toBe('sv');
    expect(config.demo).toBe(true);
  });

  it('a config file is a real install unless it says demo: true', () => {
    expect(loadConfig(write('plain.yaml', 'branch:\n  id: KOP\n')).config.demo).toBe(false);
    expect(loadConfig(write('demo.yaml', 'demo: true\n')).config.demo).toBe(true);
  });

  it("the door's old PIN limit keys say where the shared limit is now", () => {
    const e = failure(write('old-door.yaml', 'door:\n  pinTries: 3\n  lockoutMinutes: 10\n'));
    expect(e.message).toContain('door.pinTries: moved to policies.pinAttempts.wrong');
    expect(e.message).toContain('door.lockoutMinutes: moved to policies.pinAttempts.windowMinutes');
    expect(
      loadConfig(write('new-limit.yaml', 'policies:\n  pinAttempts: { wrong: 3, windowMinutes: 30 }\n')).config.policies.pinAttempts,
    ).toEqual({
      wrong: 3,
      windowMinutes: 30,
    });
  });

  it('reads a commented YAML file and fills defaults', () => {
    const file = write(
      'ok.yaml',
      `# Köping library, door terminal\nbranch:\n  id: KOP  # Koha branchcode\n  name: Köpings bibliotek\n  language: en\ncentral:\n  kind: sip2\n  host: koha.example.org\n  port: 6001\n  user: kiosk\n  password: secret\n`,
    );
    const { config } = loadConfig(file);
    expect(config.branch).toMatchObject({ id: 'KOP', name: 'Köpings bibliotek', language: 'en' });
    expect(config.central).toMatchObject({ kind: 'sip2', profile: 'koha', tls: false, encoding: 'utf-8' });
    expect(config.policies.pinRequired).toBe(true);
  });

  it('names the file, the field and the problem', () => {
    const file = write('bad.yaml', 'branch:\n  language: de\ndevices:\n  - id: pad\n    kind: rfid\n    driver: feig\n    port: 17\n');
    const e = failure(file);
    expect(e.code).toBe('config.invalid');
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/branch\.language: .*"sv"|"en"/);
    expect(e.message).toMatch(/devices\[0\]\.port: .*string/);
  });

  it('refuses unknown fields instead of ignoring a typo', () => {
    const e = failure(write('typo.yaml', 'polices:\n  pinRequired: false\n'));
    expect(e.message).toContain('unknown field(s) "polices"');
  });

  it('reports YAML syntax errors with line and column', () => {
    const e = failure(write('syntax.yaml', 'branch:\n  id: [unclosed\n'));
    expect(e.code).toBe('config.syntax');
    expect(e.message).toMatch(/line \d+, column \d+/);
  });

  it('refuses duplicate keys', () => {
    expect(failure(write('dup.yaml', 'web:\n  port: 1\nweb:\n  port: 2\n')).code).toBe('config.syntax');
  });

  it('says when the file cannot be read', () => {
    const e = failure(join(dir, 'missing.yaml'));
    expect(e.code).toBe('config.unreadable');
    expect(e.message).toContain('ENOENT');
  });
});

/**
 * Finding 7: every error of the `yaml` package becomes the usual
 * config.syntax message with the file and where; before, an alias bomb
 * escaped as an untyped ReferenceError.
 */
describe('config loading: hostile and odd YAML', () => {
  const bomb = [
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
  ].join('\n');

  it.each([
    ['a "billion laughs" alias bomb', bomb, /line 2, column \d+ \(field b\).*alias/],
    ['an alias with no anchor', 'branch:\n  id: *nowhere\n', /line 2, column 7 \(field branch\.id\).*nowhere/],
    ['an alias inside its own anchor', 'devices: &d\n  - *d\n', /contains it/],
    ['an unknown tag', 'web:\n  port: !!int eighty\n', /line 2/],
    ['an unsupported YAML version', '%YAML 9.9\n---\nweb:\n  port: 1\n', /line 1/],
    ['deeply nested brackets', `branch: ${'['.repeat(20_000)}`, /YAML syntax error/],
  ])('%s: config.syntax naming the file', (_, text, where) => {
    const file = write('hostile.yaml', text);
    const e = failure(file);
    expect(e.code).toBe('config.syntax');
    expect(e.message).toContain(file);
    expect(e.message).toMatch(where);
  });
});
