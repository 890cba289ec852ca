/// <reference path="./pino-roll.d.ts" />
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

/** The log file stream (pino-roll's SonicBoom): asynchronous writes, rotation by size and day. */
type FileStream = DestinationStream & {
  flush(cb: (err?: Error | null) => void): void;
  end(): void;
  once(event: 'close' | 'error', cb: () => void): void;
  on(event: 'error', cb: (e: Error) => void): void;
};

/**
 * The kiosk's root logger: JSON lines rotated by size and day in the log
 * folder, plus stderr when asked. The files are written from this thread
 * by pino-roll's stream (SonicBoom: buffered, asynchronous writes through
 * libuv, so a door decision never waits for the disk) rather than from a
 * worker thread, which cost a V8 isolate (~9 MB resident) for the kiosk's
 * few lines a minute.
 */
export function createLogger(options: LoggingOptions): KioskLogging {
  const held = new HeldDestination();
  const logger = pino(baseOptions(options.level), held);
  let opened: Promise<FileStream | undefined> | undefined;
  const startFiles = () => {
    opened ??= openDestination(options).then(
      (stream) => {
        if (stream) held.attach(stream);
        return stream;
      },
      (e: unknown) => {
        // A log folder that cannot be written must not stop the kiosk: say so on stderr, keep going.
        process.stderr.write(`openbranch: log files not written: ${(e as Error).message}\n`);
        held.attach({ write: () => true });
        return undefined;
      },
    );
  };
  if (!options.deferFiles) startFiles();
  const flush = async () => {
    await opened;
    await new Promise<void>((resolve) => logger.flush(() => resolve()));
  };
  return {
    logger,
    startFiles,
    flush,
    close: async () => {
      startFiles();
      await flush();
      const stream = await opened;
      if (!stream) return;
      await new Promise<void>((resolve) => {
        stream.once('close', resolve);
        stream.end();
      });
    },
  };
}

/** The files (and stderr when asked) as one destination; undefined when neither is wanted. */
async function openDestination(options: LoggingOptions): Promise<FileStream | undefined> {
  const level = options.level === 'silent' ? 'fatal' : options.level;
  const streams: pino.StreamEntry[] = [];
  let file: FileStream | undefined;
  if (options.dir) {
    privateLogDir(options.dir);
    const { default: roll } = await import('pino-roll');
    file = (await roll({
      file: join(options.dir, 'openbranch'),
      extension: '.log',
      frequency: 'daily',
      size: `${options.maxSizeMb ?? 10}m`,
      limit: { count: options.keepFiles ?? 14 },
      mkdir: true,
      // Logs name devices, times and codes: for the kiosk user only (sonic-boom's open mode).
      mode: 0o600,
    })) as FileStream;
    // A failed write (a full disk) must never take the kiosk down: the next start's checks name it.
    file.on('error', (e) => process.stderr.write(`openbranch: log file: ${e.message}\n`));
    streams.push({ level, stream: file });
  }
  if (options.console ?? true) streams.push({ level, stream: pino.destination({ dest: 2, sync: false }) });
  if (streams.length === 0) return undefined;
  if (file && streams.length === 1) return file;
  const multi = pino.multistream(streams) as unknown as FileStream;
  return Object.assign(multi, {
    flush: (cb: (err?: Error | null) => void) => (file ? file.flush(cb) : cb()),
    end: () => file?.end(),
    once: (event: 'close' | 'error', cb: () => void) => (file ? file.once(event, cb) : cb()),
    on: () => undefined,
  });
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
