import { join } from 'node:path';
import type { KioskConfig } from '../../shared/config/schema.ts';
import { kioskPaths } from '../config/paths.ts';

/** The catalogue's SQLite file: catalog.file, or catalog.sqlite in the data folder. */
export function catalogFile(config: KioskConfig, dataDir?: string): string {
  return config.catalog.file ?? join(dataDir ?? kioskPaths({ dataDir: config.dataDir }).data, 'catalog.sqlite');
}
