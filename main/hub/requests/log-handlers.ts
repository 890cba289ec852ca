import { open, readdir, stat } from 'node:fs/promises';
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
    'logs.tail': async ({ lines: count, level }) => {
      if (!logDir) return { entries: [] };
      const newest = await newestLog(logDir);
      if (!newest) return { entries: [] };
      // Newest first until enough lines of the level are found: only those are parsed.
      const lines = (await readTail(newest, TAIL_BYTES)).split('\n');
      const entries: LogEntry[] = [];
      for (let i = lines.length - 1; i >= 0 && entries.length < count; i--) {
        if (lines[i]!.trim() === '') continue;
        const entry = parseLogLine(lines[i]!);
        if (atLeast(entry, level)) entries.push(entry);
      }
      return { entries: entries.reverse() };
    },
  };
}

/** The last `bytes` of a file, from the first whole line on (a rotated log can be 10 MB; only its end is read). */
export async function readTail(path: string, bytes: number): Promise<string> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const start = Math.max(0, size - bytes);
    const buffer = Buffer.alloc(size - start);
    await file.read(buffer, 0, buffer.length, start);
    const text = buffer.toString('utf8');
    return start === 0 ? text : text.slice(text.indexOf('\n') + 1);
  } finally {
    await file.close();
  }
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
