import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The version in package.json, shown in metrics, `openbranch status` and logs. */
export const KIOSK_VERSION: string = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }
).version;
