import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type DestinationStream, type LevelWithSilent } from 'pino';
import type { Logger } from '../../shared/logger.ts';
import { ensurePrivateDir, tightenFile } from '../storage/private-files.ts';
import { REDACTED, redactPaths } from './redaction.ts';

export interface LoggingOptions {
  readonly level: LevelWithSilent;
  /** Folder for rotated files; omit to log to stderr only. */
  readonly dir?: string | undefined;
  readonly maxSizeMb?: number;
  readonly keepFiles?: number;
  /** Also write human-readable lines to stderr (interactive runs). */
  readonly console?: boolean;
}

/** Options shared by every logger the kiosk creates, so redaction can never be forgotten. */
export const baseOptions = (level: LevelWithSilent): pino.LoggerOptions => ({
  level,
  redact: { paths: redactPaths, censor: REDACTED },
  base: { app: 'openbranch' },
  timestamp: pino.stdTimeFunctions.isoTime,
});

/**
 * The kiosk's root logger: JSON lines rotated by size and day in the
 * log folder (pino-roll, in a worker thread so logging never blocks a
 * door decision), plus stderr when asked.
 */
export function createLogger(options: LoggingOptions): { logger: Logger; flush: () => Promise<void> } {
  const targets: pino.TransportTargetOptions[] = [];
  if (options.dir) {
    privateLogDir(options.dir);
    targets.push({
      target: 'pino-roll',
      level: options.level === 'silent' ? 'fatal' : options.level,
      options: {
        file: join(options.dir, 'openbranch'),
        extension: '.log',
        frequency: 'daily',
        size: `${options.maxSizeMb ?? 10}m`,
        limit: { count: options.keepFiles ?? 14 },
        mkdir: true,
        // Logs name devices, times and codes: for the kiosk user only (sonic-boom's open mode).
        mode: 0o600,
      },
    });
  }
  if (options.console ?? true) {
    targets.push({ target: 'pino/file', level: options.level === 'silent' ? 'fatal' : options.level, options: { destination: 2 } });
  }
  const transport = pino.transport({ targets }) as DestinationStream & { end?: () => void; once: (e: string, cb: () => void) => void };
  const logger = pino(baseOptions(options.level), transport);
  const flush = () =>
    new Promise<void>((resolve) => {
      logger.flush(() => resolve());
    });
  return { logger, flush };
}

/** A synchronous logger into a given stream (tests, CLI one-shots). */
export function createStreamLogger(level: LevelWithSilent, stream: DestinationStream): Logger {
  return pino(baseOptions(level), stream);
}

/** The log folder 0700 and earlier log files 0600 (files written before this version were 0644). */
function privateLogDir(dir: string): void {
  ensurePrivateDir(dir);
  for (const name of readdirSync(dir))
    if (name.startsWith('openbranch') && statSync(join(dir, name)).isFile()) tightenFile(join(dir, name));
}
