import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Reads at most this much of the newest file: a year-old log must not stall the screen. */
const TAIL_BYTES = 256 * 1024;

/**
 * logs.tail: the last lines of the newest rotated log file. The logger has
 * already redacted PINs, passwords and card numbers, so the technician
 * sees what is on disk and nothing more.
 */
export function logHandlers(logDir: string | undefined): { 'logs.tail': (p: { lines: number }) => Promise<{ lines: string[] }> } {
  return {
    'logs.tail': async ({ lines }: { lines: number }) => {
      if (!logDir) return { lines: [] };
      const newest = await newestLog(logDir);
      if (!newest) return { lines: [] };
      const text = await readFile(newest, 'utf8');
      const tail = text.length > TAIL_BYTES ? text.slice(-TAIL_BYTES) : text;
      return {
        lines: tail
          .split('\n')
          .filter((l) => l.trim() !== '')
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
