import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../main/config/load.ts';
import { isOpenBranchError } from '../../../shared/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'ob-mail-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const load = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return loadConfig(file).config;
};
const refusal = (name: string, text: string): string => {
  try {
    load(name, text);
  } catch (e) {
    if (isOpenBranchError(e, 'config.invalid')) return e.message;
    throw e;
  }
  throw new Error('expected the config to be refused');
};

describe('receiptMail in the config', () => {
  it('is absent by default: receipts are never offered by e-mail', () => {
    expect(load('none.yaml', 'branch:\n  id: VAS\n').receiptMail).toBeUndefined();
  });

  it('takes a relay with STARTTLS on 587 by default and the login from a file', () => {
    const config = load(
      'relay.yaml',
      'receiptMail:\n  host: smtp.example.se\n  from: Biblioteket <noreply@example.se>\n  credentialsFile: /etc/openbranch/relay.yaml\n',
    );
    expect(config.receiptMail).toEqual({
      host: 'smtp.example.se',
      port: 587,
      security: 'starttls',
      from: 'Biblioteket <noreply@example.se>',
      credentialsFile: '/etc/openbranch/relay.yaml',
      timeoutMs: 15_000,
    });
  });

  it('refuses an unknown key (a password written in the config), naming the key but not its value', () => {
    const message = refusal('password.yaml', 'receiptMail:\n  host: smtp.example.se\n  from: a@example.se\n  password: hunter2\n');
    expect(message).toContain('receiptMail: unknown field(s) "password"');
    expect(message).not.toContain('hunter2');
  });

  it('refuses a relay without a sender', () => {
    expect(refusal('no-from.yaml', 'receiptMail:\n  host: smtp.example.se\n')).toContain('receiptMail.from');
  });

  it('refuses the policy "email" without a relay, saying what is missing', () => {
    expect(refusal('policy.yaml', 'policies:\n  receipt: email\n')).toContain('receipt "email" needs a receiptMail section');
  });
});
