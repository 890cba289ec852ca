import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './layer-rules.ts';

/**
 * One CentralSystem test double (tests/doubles/central-double.ts), held to
 * the demo ACS by a contract test. A test that needs other answers scripts
 * it; a new hand-written fake would drift from the real central system
 * unnoticed. Benchmarks measure the real one and are left out.
 */
const root = resolve(import.meta.dirname, '../../..');
const FAKE = /implements\s+CentralSystem\b|as\s+(unknown\s+as\s+)?CentralSystem\b|:\s*CentralSystem\s*=\s*\{/;

/** Test files (outside the doubles and benchmarks) that write their own CentralSystem. */
function handWrittenCentrals(files: readonly string[]): string[] {
  return files.filter((f) => FAKE.test(readFileSync(f, 'utf8')));
}

describe('the central system in tests', () => {
  it('is the one double: no test writes its own CentralSystem', () => {
    const tests = sourceFiles(join(root, 'tests')).filter((f) => {
      const rel = relative(root, f);
      return !rel.startsWith(join('tests', 'doubles')) && !rel.startsWith(join('tests', 'bench')) && f !== import.meta.filename;
    });
    expect(tests.length).toBeGreaterThan(100);
    expect(handWrittenCentrals(tests).map((f) => relative(root, f))).toEqual([]);
  });
});
