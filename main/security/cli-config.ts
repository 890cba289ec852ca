import type { KioskConfig } from '../../shared/config/schema.ts';
import { loadConfig } from '../config/load.ts';

/**
 * The config file a CLI command works on: --config, else $OPENBRANCH_CONFIG,
 * else none (the embedded default).
 */
export function configPathFrom(option: string | undefined): string | undefined {
  return option ?? (process.env.OPENBRANCH_CONFIG || undefined);
}

/**
 * Reads and validates the config for CLI commands that only need a few
 * sections (status, technician): the same loader as `openbranch start`, so
 * errors name the file and the field the same way.
 */
export function readKioskConfig(file: string | undefined): KioskConfig {
  return loadConfig(file).config;
}
