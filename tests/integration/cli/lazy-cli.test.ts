import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GROUPS } from '../../../main/cli/groups.ts';
import { repoRoot, runCli } from '../../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ob-lazy-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** esbuild's record of which sources went into which compiled file. */
const meta = JSON.parse(readFileSync(join(repoRoot, 'dist', 'meta.json'), 'utf8')) as {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
};

/**
 * Runs the compiled CLI with a loader hook and returns what it printed and
 * every source it loaded (repo-relative): the sources inside each compiled
 * file it loaded, and the packages it loaded from node_modules at run time.
 */
async function loadedBy(name: string, args: string[]) {
  const log = join(dir, `${name}.log`);
  const result = await runCli(args, { env: { OB_MODULE_LOG: log }, nodeArgs: ['--import', './tests/integration/cli/module-log.mjs'] });
  const files = [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))].map((url) =>
    url.startsWith('file://') ? url.slice(`file://${repoRoot}/`.length) : url,
  );
  const compiled = files.filter((f) => f.startsWith('dist/'));
  for (const f of compiled) expect(meta.outputs[f], `${f} is in dist/meta.json`).toBeDefined();
  const modules = [...files.filter((f) => !f.startsWith('dist/')), ...compiled.flatMap((f) => Object.keys(meta.outputs[f]!.inputs))];
  return { ...result, compiled, modules };
}

/** Device, database and central-system code, and the heavy libraries behind them. */
const HEAVY = [
  /^node_modules\/(better-sqlite3|serialport|@serialport|node-hid|pino|prom-client|xstate|ws|zod|yaml)\//,
  /^devices\//,
  /^main\/(central|queue|storage|devices|door|machines|app|hosts|logging|metrics)\//,
];
const heavy = (modules: string[]) => modules.filter((m) => HEAVY.some((re) => re.test(m)));
/** The SIP2 client and what only it needs; the database and the device packages. */
const CENTRAL_DB_DEVICES =
  /^main\/central\/(sip2\/(client|connection|transport)|demo\/)|^main\/(queue|storage)\/|^node_modules\/(better-sqlite3|serialport|@serialport|node-hid)\//;

describe('the lazy openbranch command line', () => {
  it('--help lists every group with its description and loads no command, device, database or SIP2 code', async () => {
    const { status, stdout, compiled, modules } = await loadedBy('help', ['--help']);
    expect(status).toBe(0);
    const listed = stdout.replace(/\s+/g, ' ');
    for (const g of GROUPS.filter((x) => x.description !== undefined)) expect(listed).toContain(`${g.name} ${g.description}`);
    expect(compiled).toContain('dist/main/cli/index.js');
    expect(modules).toContain('main/cli/groups.ts');
    expect(modules.filter((m) => m.startsWith('main/cli/commands/'))).toEqual([]);
    expect(heavy(modules)).toEqual([]);
  });

  it('every group has one description, and a command loads only its own group', async () => {
    const names = [...new Set(GROUPS.map((g) => g.name))];
    for (const name of names) expect(GROUPS.filter((g) => g.name === name && g.description !== undefined)).toHaveLength(1);

    const { status, stdout, modules } = await loadedBy('decode', ['sip2', 'decode', '9300CNkiosk|COsecret|CPVAS|']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ code: '93', fieldsByName: { loginUserId: 'kiosk' } });
    const commands = modules.filter((m) => m.startsWith('main/cli/commands/'));
    expect(commands).toContain('main/cli/commands/sip2.ts');
    expect(commands.filter((m) => !/commands\/sip2[^/]*\.ts$/.test(m))).toEqual([]);
    expect(modules.filter((m) => CENTRAL_DB_DEVICES.test(m))).toEqual([]);
  });

  it('a group run through `help <group>` is described as in the table', async () => {
    const { status, stdout } = await runCli(['help', 'door']);
    expect(status).toBe(0);
    expect(stdout).toContain(GROUPS.find((g) => g.name === 'door')?.description);
    expect(stdout).toMatch(/decide \[options\]/);
    expect(stdout).toMatch(/pulse \[options\]/);
  });
});
