import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { configSchema, EMBEDDED_DEFAULT, type KioskConfig } from '../../shared/config/schema.ts';
import { OpenBranchError } from '../../shared/errors.ts';
import { PARSE } from '../../shared/parsing.ts';
import { deviceRegistry } from '../devices/drivers.ts';
import { describeIssues } from './issues.ts';
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
  if (file === undefined) return { config: configSchema.parse(EMBEDDED_DEFAULT, PARSE), file };
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
  const result = configSchema.safeParse(raw, PARSE);
  // Each device entry against its driver's own schema, strictly (the registry knows every driver).
  const entries =
    isRecord(raw) && raw.devices !== undefined ? z.array(deviceRegistry.entrySchema()).safeParse(raw.devices, PARSE) : undefined;
  const problems = [
    // Device entries are judged by the registry; the cross-entry checks (ids used twice, door readers) stay.
    ...describeIssues((result.error?.issues ?? []).filter((i) => !entries || i.path[0] !== 'devices' || i.code === 'custom')),
    ...describeIssues(entries?.error?.issues ?? [], ['devices']),
  ];
  if (problems.length > 0 || !result.success) {
    throw new OpenBranchError('config.invalid', `${file}: invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`, {
      file,
      problems,
    });
  }
  return entries?.data ? { ...result.data, devices: entries.data } : result.data;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
