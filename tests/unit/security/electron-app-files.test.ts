import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveAppFile } from '../../../main/hosts/electron/app-files.ts';

// Checklist #18 (no file://): the app:// handler serves only the built renderer.
describe('app:// file resolution', () => {
  const root = mkdtempSync(join(tmpdir(), 'ob-app-'));
  const dir = join(root, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  writeFileSync(join(dir, 'assets', 'app.js'), '');
  writeFileSync(join(root, 'secret.yaml'), 'password: x');
  // A servable type outside the folder: only the containment check can stop it.
  writeFileSync(join(root, 'outside.js'), '');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves index.html for / and files by type', () => {
    expect(resolveAppFile('app://openbranch/', dir)).toEqual({ ok: true, path: join(dir, 'index.html'), type: 'text/html; charset=utf-8' });
    expect(resolveAppFile('app://openbranch/assets/app.js?v=1', dir)).toMatchObject({ ok: true, path: join(dir, 'assets', 'app.js') });
  });

  it.each([
    'app://openbranch/../secret.yaml',
    'app://openbranch/assets/%2e%2e%2f%2e%2e%2foutside.js',
    'app://openbranch/%2e%2e%2foutside.js',
    'app://openbranch/%2e%2e/secret.yaml',
    'app://openbranch/assets/%2e%2e%2f%2e%2e%2fsecret.yaml',
    'app://openbranch/..%5csecret.yaml',
    'app://openbranch/assets/',
    'app://openbranch/assets',
    'app://openbranch/x%00.js',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(url, dir).ok).toBe(false);
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveAppFile('app://other/index.html', dir).ok).toBe(false);
    expect(resolveAppFile(`file://${join(dir, 'index.html')}`, dir).ok).toBe(false);
  });
});
