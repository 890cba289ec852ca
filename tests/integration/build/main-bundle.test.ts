import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/cli.ts';

/** esbuild's record of which sources went into which compiled file (written by the build the test setup runs). */
const meta = JSON.parse(readFileSync(join(repoRoot, 'dist', 'meta.json'), 'utf8')) as {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
};
const compiled = new Set(Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs)));

describe('the compiled kiosk carries only the parts of a package it uses', () => {
  it('marcjs: the record class, not its readers and writers (nor `he`, their HTML entity tables)', () => {
    expect(compiled).toContain('node_modules/marcjs/lib/Record.js');
    expect([...compiled].filter((f) => /^node_modules\/(he\/|marcjs\/lib\/(?!Record\.js))/.test(f))).toEqual([]);
  });
});
