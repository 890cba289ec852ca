import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './install-paths.ts';

/** The version in package.json, shown in metrics, `openbranch status` and logs. */
export const KIOSK_VERSION: string = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
