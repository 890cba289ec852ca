import { type Stats, statSync } from 'node:fs';
import type { Logger } from '../../shared/logger.ts';

export interface PermissionFinding {
  /** config.world-readable: everyone on the PC can read the SIP2 password and the metrics token. */
  readonly code: 'config.world-readable' | 'config.world-writable' | 'config.group-writable';
  readonly file: string;
  /** Octal mode, e.g. "644". */
  readonly mode: string;
  /** The command that fixes it. */
  readonly fix: string;
}

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/**
 * Checks the config file's mode bits at start. The file holds the SIP2
 * password and tokens: the kiosk user and root may read it, nobody else;
 * only the owner may write it. Windows has no mode bits (ACLs set by
 * install-kiosk.ps1), so nothing is checked there.
 */
export function checkConfigPermissions(
  file: string,
  { platform = process.platform, stat = statSync }: { platform?: NodeJS.Platform; stat?: (f: string) => Pick<Stats, 'mode'> } = {},
): PermissionFinding[] {
  if (platform === 'win32') return [];
  const mode = stat(file).mode & 0o777;
  const octal = mode.toString(8).padStart(3, '0');
  const fix = `chmod o-rwx,g-w ${quote(file)}`;
  const out: PermissionFinding[] = [];
  if (mode & 0o004) out.push({ code: 'config.world-readable', file, mode: octal, fix });
  if (mode & 0o002) out.push({ code: 'config.world-writable', file, mode: octal, fix });
  if (mode & 0o020) out.push({ code: 'config.group-writable', file, mode: octal, fix });
  return out;
}

/** Logs each finding as a warning with its fix; the kiosk still starts. Returns the findings. */
export function warnAboutConfigPermissions(file: string, logger: Logger): PermissionFinding[] {
  const findings = checkConfigPermissions(file);
  for (const f of findings)
    logger.warn({ code: f.code, file: f.file, mode: f.mode, fix: f.fix }, `config file permissions too open; fix: ${f.fix}`);
  return findings;
}
