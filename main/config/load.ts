import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { configSchema, EMBEDDED_DEFAULT, type KioskConfig } from '../../shared/config/schema.ts';
import { OpenBranchError } from '../../shared/errors.ts';
import { readYaml } from './yaml-text.ts';

export interface LoadedConfig {
  readonly config: KioskConfig;
  /** The file it came from, or undefined for the embedded default. */
  readonly file: string | undefined;
}

/**
 * Reads and validates the kiosk's YAML config. Any problem stops the start
 * with an error naming the file, the field and what is wrong: a broken
 * config never starts a half-working kiosk.
 */
export function loadConfig(file: string | undefined): LoadedConfig {
  if (file === undefined) return { config: configSchema.parse(EMBEDDED_DEFAULT), file };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new OpenBranchError('config.unreadable', `${file}: cannot read the config file (${(e as NodeJS.ErrnoException).code ?? e})`, {
      file,
    });
  }
  return { config: parseConfigText(text, file), file };
}

export function parseConfigText(text: string, file: string): KioskConfig {
  const raw = readYaml(text, file);
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const problems = describeIssues(result.error.issues);
    throw new OpenBranchError('config.invalid', `${file}: invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`, {
      file,
      problems,
    });
  }
  return result.data;
}

/** "devices[1].port: expected string, got a number" style lines. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path.reduce<string>(
      (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
      '',
    );
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`
        : issue.message;
    return `${path || '(top level)'}: ${message}`;
  });
}
