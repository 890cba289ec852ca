import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGING_TOOLS, packagingNodeProblem, satisfiesNode } from '../../../resources/build/package-plan.ts';

const root = resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean; engines?: { node?: string } }>;
};
/** The oldest Node the kiosk says it runs on (package.json engines: ">=20.19"). */
const oldest = pkg.engines.node.replace(/^>=\s*/, '');

describe('Node versions', () => {
  it('reads npm engines ranges as npm does', () => {
    expect(satisfiesNode('20.19.0', '>=20.19')).toBe(true);
    expect(satisfiesNode('20.18.9', '>=20.19')).toBe(false);
    expect(satisfiesNode('20.19.0', '^18 || ^20 || >= 21')).toBe(true);
    expect(satisfiesNode('19.0.0', '^18 || ^20 || >= 21')).toBe(false);
    expect(satisfiesNode('20.19.0', '20.x || 22.x || 23.x')).toBe(true);
    expect(satisfiesNode('21.1.0', '20.x || 22.x || 23.x')).toBe(false);
    expect(satisfiesNode('20.19.0', '>= 22.12.0')).toBe(false);
    expect(satisfiesNode('22.12.0', '>= 22.12.0')).toBe(true);
    expect(satisfiesNode('20.19.0', '^12.20.0 || ^14.13.1 || >=16.0.0')).toBe(true);
    expect(satisfiesNode('20.19.0', '*')).toBe(true);
    expect(satisfiesNode('20.19.0', '>= 10.x')).toBe(true);
    expect(satisfiesNode('20.19.0', '~20.18')).toBe(false);
  });

  it('every package the kiosk runs on accepts the oldest Node it names (no EBADENGINE on npm ci)', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && !p.dev && p.engines?.node !== undefined)
      .filter(([, p]) => !satisfiesNode(oldest, p.engines!.node!))
      .map(([path, p]) => `${path}@${p.version} (${p.engines!.node})`);
    expect(refusing).toEqual([]);
  });

  it("only Electron's packaging tools want a newer Node, and npm run package says so and stops", () => {
    const wantsNewer = Object.entries(lock.packages)
      .filter(([, p]) => p.engines?.node !== undefined && !satisfiesNode(oldest, p.engines.node))
      .map(([path]) => path.replace(/^.*node_modules\//, ''));
    // Electron's packaging tools, and one test tool that runs fine on Node 20 in the e2e suite
    // (@axe-core/playwright declares 22.12): a new one here is a decision, not an accident.
    expect(new Set(wantsNewer)).toEqual(
      new Set(['electron', '@electron/get', '@electron/rebuild', '@electron-internal/extract-zip', 'node-abi', '@axe-core/playwright']),
    );
    for (const tool of PACKAGING_TOOLS) expect(wantsNewer).toContain(tool);

    expect(packagingNodeProblem('22.12.0', root)).toBeUndefined();
    const problem = packagingNodeProblem('20.19.0', root);
    expect(problem).toMatch(/npm run package needs a newer Node than this one \(20\.19\.0\): electron 45\.\d+\.\d+ needs Node >=22\.12\.0/);
    expect(problem).toContain('The kiosk itself runs on Node 20');

    if (satisfiesNode(process.versions.node, '>=22.12.0')) return; // a build machine: nothing to refuse
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'resources/build/package.ts'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('npm run package needs a newer Node than this one');
    expect(run.stdout).not.toContain('> npm run build'); // stopped before building anything
  });
});
