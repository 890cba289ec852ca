import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LogEntry, LogLevel } from '../../../shared/contract/technician.ts';
import { atLeast, parseLogLine } from './log-lines.ts';

/** Reads at most this much of the newest file: a year-old log must not stall the screen. */
const TAIL_BYTES = 256 * 1024;

/**
 * logs.tail: the last lines of the newest rotated log file, parsed into
 * time, level, subsystem and message (optionally only a level and worse).
 * The logger has already redacted PINs, passwords and card numbers, so
 * the technician sees what is on disk and nothing more.
 */
export function logHandlers(logDir: string | undefined): {
  'logs.tail': (p: { lines: number; level?: LogLevel | undefined }) => Promise<{ entries: LogEntry[] }>;
} {
  return {
    'logs.tail': async ({ lines, level }) => {
      if (!logDir) return { entries: [] };
      const newest = await newestLog(logDir);
      if (!newest) return { entries: [] };
      const text = await readFile(newest, 'utf8');
      const tail = text.length > TAIL_BYTES ? text.slice(text.indexOf('\n', text.length - TAIL_BYTES) + 1) : text;
      return {
        entries: tail
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map(parseLogLine)
          .filter((e) => atLeast(e, level))
          .slice(-lines),
      };
    },
  };
}

async function newestLog(dir: string): Promise<string | undefined> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.startsWith('openbranch'));
  let best: { path: string; mtime: number } | undefined;
  for (const n of names) {
    const path = join(dir, n);
    const s = await stat(path);
    if (s.isFile() && (!best || s.mtimeMs > best.mtime)) best = { path, mtime: s.mtimeMs };
  }
  return best?.path;
}
