import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { configSchema, type KioskConfig } from '../../shared/config/schema.ts';
import { OpenBranchError } from '../../shared/errors.ts';

/**
 * The config file a CLI command works on: --config, else $OPENBRANCH_CONFIG,
 * else none (the embedded default).
 */
export function configPathFrom(option: string | undefined): string | undefined {
  return option ?? (process.env.OPENBRANCH_CONFIG || undefined);
}

/**
 * Reads and validates the config for CLI commands that only need a few
 * sections (status, technician). Errors name the file and the field.
 */
export function readKioskConfig(file: string | undefined): KioskConfig {
  if (file === undefined) return configSchema.parse({});
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8')) ?? {};
  } catch (e) {
    throw new OpenBranchError('config.unreadable', `${file}: ${e instanceof Error ? e.message : String(e)}`, { file });
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new OpenBranchError('config.invalid', `${file}: ${issues}`, { file });
  }
  return result.data;
}
