import { fork } from 'node:child_process';
import { type ErrorCode, OpenBranchError } from '../../shared/errors.ts';
import type { Logger, LogLevel } from '../../shared/logger.ts';
import type { HarvestOptions, HarvestResult } from './harvester.ts';

/** What harvest-child.ts gets: the catalogue file and the harvest's options (all but the logger, which stays here). */
export interface HarvestRequest {
  readonly file: string;
  readonly options: Omit<HarvestOptions, 'logger' | 'signal' | 'onProgress' | 'now'>;
}

export type HarvestChildMessage =
  | { readonly result: HarvestResult }
  | { readonly error: { readonly message: string; readonly code?: string } }
  | { readonly log: { readonly level: LogLevel; readonly obj: Record<string, unknown>; readonly msg: string | undefined } };

/** Where harvest-child is and how Node runs it: compiled in dist/ on a branch PC, the TypeScript source through tsx in tests. */
export interface HarvestChildModule {
  readonly path: string;
  readonly execArgv: readonly string[];
}

/**
 * One harvest into `file` in a child process (harvest-child.ts). Resolves
 * with its result; rejects with its error, or when it dies without one. An
 * abort kills it: each page is applied in one transaction, so a page cut off
 * changes nothing, as in a harvest in this process.
 */
export function harvestInChild(
  module: HarvestChildModule,
  request: HarvestRequest,
  logger: Logger,
  signal: AbortSignal,
): Promise<HarvestResult> {
  return new Promise((resolve, reject) => {
    const child = fork(module.path, [], {
      execArgv: [...module.execArgv],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    let answer: HarvestChildMessage | undefined;
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
    const abort = () => child.kill('SIGKILL');
    signal.addEventListener('abort', abort, { once: true });
    child.on('message', (m: HarvestChildMessage) => {
      if ('log' in m) logger[m.log.level](m.log.obj, m.log.msg);
      else answer = m;
    });
    child.once('error', (e) => {
      signal.removeEventListener('abort', abort);
      reject(e);
    });
    child.once('exit', (code, killedBy) => {
      signal.removeEventListener('abort', abort);
      if (signal.aborted) return reject(signal.reason);
      if (answer && 'result' in answer) return resolve(answer.result);
      if (answer && 'error' in answer)
        return reject(new OpenBranchError((answer.error.code ?? 'catalog.harvest-process') as ErrorCode, answer.error.message));
      reject(
        new OpenBranchError(
          'catalog.harvest-process',
          `the harvest process ended (${killedBy ?? code}) without an answer: ${stderr.trim()}`,
        ),
      );
    });
    child.send({ ...request } satisfies HarvestRequest);
  });
}
