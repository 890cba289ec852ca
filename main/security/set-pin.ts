import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { type Document, parseDocument } from 'yaml';
import { configSchema } from '../../shared/config/schema.ts';
import { type CliError, OpenBranchError } from '../../shared/errors.ts';
import { PARSE } from '../../shared/parsing.ts';
import { hashPin, type PinProblem, pinProblem } from './pin.ts';

const CLI_CODE: Record<PinProblem, CliError> = {
  'pin.not-digits': 'cli.pin-not-digits',
  'pin.too-short': 'cli.pin-too-short',
  'pin.too-long': 'cli.pin-too-long',
  'pin.trivial': 'cli.pin-trivial',
};

/**
 * Writes the hash of a new technician PIN into the config file as
 * technician.pinHash, keeping the file's comments and layout. The file must
 * stay a valid config; a new file is created readable by its owner only.
 */
export async function setTechnicianPin(file: string, pin: string): Promise<void> {
  if (pin === '\0mismatch') throw new OpenBranchError('cli.pin-mismatch', 'the two PINs differ; nothing was changed');
  const problem = pinProblem(pin);
  if (problem !== undefined)
    throw new OpenBranchError(CLI_CODE[problem], `the PIN is not usable (${problem}): use 6-12 digits, not a run like 123456`);
  const exists = existsSync(file);
  const doc: Document = parseDocument(exists ? readFileSync(file, 'utf8') : '');
  if (doc.errors.length > 0) throw new OpenBranchError('config.unreadable', `${file}: ${doc.errors[0]!.message}`, { file });
  if (doc.contents === null) doc.contents = doc.createNode({});
  doc.setIn(['technician', 'pinHash'], await hashPin(pin));
  const check = configSchema.safeParse(doc.toJS(), PARSE);
  if (!check.success) {
    const issues = check.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new OpenBranchError('config.invalid', `${file}: fix the config first (${issues}); nothing was changed`, { file });
  }
  const mode = exists ? statSync(file).mode & 0o777 : 0o600;
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, doc.toString(), { mode });
  chmodSync(tmp, mode);
  renameSync(tmp, file);
}
