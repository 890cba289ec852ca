import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import * as z from 'zod';
import { OpenBranchError } from '../../shared/errors.ts';

const credentialsSchema = z.strictObject({ user: z.string().min(1), password: z.string().min(1) });
export type MailCredentials = z.infer<typeof credentialsSchema>;

/**
 * The relay login from its own file (`user:` and `password:`), so the
 * config can be shown and shared without it. Errors name the file and
 * what is wrong, never what it holds.
 */
export async function readMailCredentials(file: string): Promise<MailCredentials> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new OpenBranchError('mail.credentials', `cannot read the mail credentials file ${file}`, { file }, { cause: e });
  }
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch {
    throw new OpenBranchError('mail.credentials', `the mail credentials file ${file} is not YAML`, { file });
  }
  const result = credentialsSchema.safeParse(parsed);
  if (!result.success)
    throw new OpenBranchError('mail.credentials', `the mail credentials file ${file} must hold exactly "user:" and "password:"`, { file });
  return result.data;
}
