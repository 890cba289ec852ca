import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Temp folders for real SQLite files; `cleanup()` in afterEach removes them. */
export function tempDirs(): { file(name?: string): string; cleanup(): void } {
  const dirs: string[] = [];
  return {
    file(name = 'openbranch.sqlite') {
      const d = mkdtempSync(join(tmpdir(), 'ob-queue-'));
      dirs.push(d);
      return join(d, name);
    },
    cleanup() {
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}
