import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isSeq, parseDocument } from 'yaml';
import type { KioskConfig } from '../../shared/config/schema.ts';
import { OpenBranchError } from '../../shared/errors.ts';
import { parseConfigText } from './load.ts';

/**
 * Adds one device entry to the kiosk's YAML config (the technician's
 * "assign this device to a role"). The file keeps its comments and layout;
 * the whole result is validated first and a config that would not start
 * is never written; the write is atomic (temporary file, then rename) and
 * leaves the file readable by the kiosk's user only.
 */
export function addDeviceToConfig(file: string, entry: Readonly<Record<string, unknown>>): KioskConfig {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  if (doc.errors.length > 0) throw new OpenBranchError('config.syntax', `${file}: fix the YAML syntax first`, { file });
  const devices = doc.get('devices');
  if (devices === undefined) doc.set('devices', doc.createNode([entry]));
  else if (isSeq(devices)) devices.add(doc.createNode(entry));
  else throw new OpenBranchError('config.invalid', `${file}: "devices" is not a list`, { file });
  const text = doc.toString();
  const config = parseConfigText(text, file);
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, file);
  return config;
}
