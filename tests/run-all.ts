/**
 * `npm test`: runs every vitest test (unit + integration), then the
 * Playwright end-to-end tests in Chromium, and ends with one line
 * "N passed, N failed" that any CI can read. Each runner first builds dist/
 * and the renderer from the current sources (its global setup,
 * tests/build-app.ts), so the tests never run a stale build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'test-results');
mkdirSync(out, { recursive: true });
const vitestJson = join(out, 'vitest.json');
const playwrightJson = join(out, 'playwright.json');
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

// The runners' own scripts under node_modules, started by this Node: no npx in between.
const bin = (pkg: string, file: string) => join(root, 'node_modules', pkg, file);
const only = process.argv[2];
let failedSteps = 0;
if (!only || only === 'unit') {
  const vitest = [bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`];
  failedSteps += run(process.execPath, vitest) === 0 ? 0 : 1;
}
if (!only || only === 'e2e') {
  const playwright = [bin('@playwright/test', 'cli.js'), 'test'];
  failedSteps += run(process.execPath, playwright, { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }) === 0 ? 0 : 1;
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
}
if (existsSync(playwrightJson)) {
  const p = JSON.parse(readFileSync(playwrightJson, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
  skipped += p.stats.skipped;
}
// A step that crashed before reporting still fails the run.
if (failedSteps > 0 && failed === 0) failed = failedSteps;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || failedSteps > 0 ? 1 : 0);
