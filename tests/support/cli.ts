import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Node options before the script, e.g. a loader hook. */
  readonly nodeArgs?: readonly string[];
  /** Written to the command's stdin, which is then closed. */
  readonly input?: string;
  readonly cwd?: string;
  /** A command still running after this is killed (and so fails its test); default 30 s. */
  readonly killAfterMs?: number;
}

/**
 * Runs the compiled `openbranch` (main/cli/bin.mjs -> dist/, built by the
 * test run's global setup) once, without blocking the test's event loop.
 */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [...(options.nodeArgs ?? []), resolve(repoRoot, 'main/cli/bin.mjs'), ...args],
      {
        cwd: options.cwd ?? repoRoot,
        env: { ...process.env, ...options.env },
        encoding: 'utf8',
        timeout: options.killAfterMs ?? 30_000,
        killSignal: 'SIGKILL',
      },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        done({ status: code, stdout, stderr });
      },
    );
    child.stdin?.end(options.input ?? '');
  });
}
