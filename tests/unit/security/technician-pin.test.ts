import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hashPin, pinProblem, verifyPin } from '../../../main/security/pin.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import { runCli } from '../../support/cli.ts';

describe('technician PIN hash', () => {
  it('stores scrypt, not the PIN, salted so two hashes of one PIN differ', async () => {
    const a = await hashPin('482915');
    const b = await hashPin('482915');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toContain('482915');
    expect(a).not.toBe(b);
    expect(await verifyPin('482915', a)).toBe(true);
    expect(await verifyPin('482916', a)).toBe(false);
  });

  it('refuses malformed or weakened hashes instead of matching them', async () => {
    const good = await hashPin('482915');
    const [, , r, p, salt, hash] = good.split('$');
    expect(await verifyPin('482915', `scrypt$2$${r}$${p}$${salt}$${hash}`)).toBe(false);
    expect(await verifyPin('482915', '482915')).toBe(false);
    expect(await verifyPin('482915', '')).toBe(false);
  });

  it.each([
    ['48291', 'pin.too-short'],
    ['4829150000000', 'pin.too-long'],
    ['48a915', 'pin.not-digits'],
    ['000000', 'pin.trivial'],
    ['123456', 'pin.trivial'],
    ['987654', 'pin.trivial'],
    ['482915', undefined],
  ])('%s -> %s', (pin, problem) => {
    expect(pinProblem(pin)).toBe(problem);
  });
});

describe('openbranch technician set-pin', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ob-pin-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (file: string, input: string) => runCli(['technician', 'set-pin', '--config', file], { input });

  it('writes the hash into the config, keeps its comments, never the PIN', async () => {
    const file = join(dir, 'kiosk.yaml');
    writeFileSync(file, '# Ljungby branch\nbranch:\n  id: ljungby # ISIL suffix\n', { mode: 0o640 });
    const res = await run(file, '482915\n');
    expect(res.status).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# Ljungby branch');
    expect(text).toContain('# ISIL suffix');
    expect(text).not.toContain('482915');
    expect(res.stdout + res.stderr).not.toContain('482915');
    const config = configSchema.parse(parse(text));
    expect(await verifyPin('482915', config.technician.pinHash!)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('creates a new config readable by its owner only', async () => {
    const file = join(dir, 'new.yaml');
    expect((await run(file, '482915\n')).status).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a weak PIN and leaves the file alone', async () => {
    const file = join(dir, 'weak.yaml');
    writeFileSync(file, 'branch:\n  id: x\n');
    const res = await run(file, '123456\n');
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('cli.pin-trivial');
    expect(readFileSync(file, 'utf8')).toBe('branch:\n  id: x\n');
  });

  it('refuses to edit a config that is already invalid', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'brnach: {}\n');
    const res = await run(file, '482915\n');
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('config.invalid');
    expect(readFileSync(file, 'utf8')).toBe('brnach: {}\n');
  });

  it('the config refuses a clear-text PIN in place of the hash', () => {
    expect(configSchema.safeParse({ technician: { pinHash: '482915' } }).success).toBe(false);
  });
});
