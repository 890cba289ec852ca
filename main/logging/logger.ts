import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type DestinationStream, type LevelWithSilent } from 'pino';
import type { Logger } from '../../shared/logger.ts';
import { ensurePrivateDir, tightenFile } from '../storage/private-files.ts';
import { HeldDestination } from './held-destination.ts';
import { REDACTED, redactPaths } from './redaction.ts';

export interface LoggingOptions {
  readonly level: LevelWithSilent;
  /** Folder for rotated files; omit to log to stderr only. */
  readonly dir?: string | undefined;
  readonly maxSizeMb?: number;
  readonly keepFiles?: number;
  /** Also write human-readable lines to stderr (interactive runs). */
  readonly console?: boolean;
  /** Keep lines in memory until `startFiles()` (the kiosk starts its transport once the screen is up). */
  readonly deferFiles?: boolean;
}

export interface KioskLogging {
  readonly logger: Logger;
  /** Starts the file transport; lines logged before it are written first. Idempotent. */
  startFiles(): void;
  /** Everything logged so far handed to the transport. */
  flush(): Promise<void>;
  /** Flushes, stops the transport and waits until its worker has written and closed the files. */
  close(): Promise<void>;
}

/** Options shared by every logger the kiosk creates, so redaction can never be forgotten. */
export const baseOptions = (level: LevelWithSilent): pino.LoggerOptions => ({
  level,
  redact: { paths: redactPaths, censor: REDACTED },
  base: { app: 'openbranch' },
  timestamp: pino.stdTimeFunctions.isoTime,
});

type Transport = DestinationStream & { end(): void; once(event: 'close', cb: () => void): void };

/**
 * The kiosk's root logger: JSON lines rotated by size and day in the
 * log folder (pino-roll, in a worker thread so writing files never blocks
 * a door decision), plus stderr when asked.
 */
export function createLogger(options: LoggingOptions): KioskLogging {
  const held = new HeldDestination();
  const logger = pino(baseOptions(options.level), held);
  let transport: Transport | undefined;
  const startFiles = () => {
    if (transport) return;
    transport = fileTransport(options);
    held.attach(transport);
  };
  if (!options.deferFiles) startFiles();
  const flush = () => new Promise<void>((resolve) => logger.flush(() => resolve()));
  return {
    logger,
    startFiles,
    flush,
    close: async () => {
      startFiles();
      await flush();
      const t = transport!;
      await new Promise<void>((resolve) => {
        // The worker is unref'd: this timer keeps Node running until it has closed (5 s at most).
        const patience = setTimeout(resolve, 5000);
        t.once('close', () => {
          clearTimeout(patience);
          resolve();
        });
        t.end();
      });
    },
  };
}

function fileTransport(options: LoggingOptions): Transport {
  const level = options.level === 'silent' ? 'fatal' : options.level;
  const targets: pino.TransportTargetOptions[] = [];
  if (options.dir) {
    privateLogDir(options.dir);
    targets.push({
      target: 'pino-roll',
      level,
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
  if (options.console ?? true) targets.push({ target: 'pino/file', level, options: { destination: 2 } });
  return pino.transport({ targets }) as Transport;
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
