import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The repository stands on its own: a clone has every document the code,
 * the tests and the docs point to, and nothing points at a folder of the
 * machine it was written on.
 */
const root = resolve(import.meta.dirname, '../../..');
const SKIP = new Set(['node_modules', 'dist', 'test-results', 'playwright-report', '.git']);
const TEXT = /\.(ts|tsx|mts|cts|mjs|js|json|md|yml|yaml|css|html)$|^run$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name) || name === 'package-lock.json') return [];
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return TEXT.test(name) ? [full] : [];
  });
}

describe('the repository stands on its own', () => {
  const all = files(root);

  it('every document named (an upper-case name ending in .md) is in the repository', () => {
    const missing = all.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\b([A-Z][A-Z0-9_-]*\.md)\b/g)]
        .map((m) => m[1]!)
        .filter((doc) => !existsSync(join(root, doc)))
        .map((doc) => `${relative(root, file)} names ${doc}`),
    );
    expect(missing).toEqual([]);
  });

  it("no file points at the development machine's own folders", () => {
    const outside = new RegExp(['/work', '/'].join(''));
    const found = all.filter((file) => outside.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file));
    expect(found).toEqual([]);
  });
});
