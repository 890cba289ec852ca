import type { Logger } from '../../shared/logger.ts';

/** EX_SOFTWARE (sysexits.h): an internal fault; systemd's Restart=always starts the kiosk again. */
export const EXIT_FATAL = 70;
/** The lock release and the log flush get this long before the process ends regardless. */
const LAST_WORDS_MS = 3000;

export interface FatalExit {
  /** Ends the process: lock released, the reason logged, exit code 70. Only the first call counts. */
  fatal(reason: string, error?: unknown): void;
  /** Removes the process handlers (tests, a clean stop). */
  dispose(): void;
}

/**
 * A fault nothing in the kiosk can recover from (an exception nobody
 * caught, a rejection nobody handled, a door machine that keeps dying)
 * must not leave a live process that does nothing: the door lock is
 * switched off first, the reason is logged, and the process exits
 * non-zero so the supervisor (systemd, Restart=always) starts a clean one.
 */
export function exitOnFatal(o: {
  readonly logger: Logger;
  /** Switches the lock (and anything else that must not stay on) off. */
  readonly failSafe: () => Promise<void>;
  /** Writes the log out before the process ends. */
  readonly flush?: () => Promise<void>;
  readonly exit?: (code: number) => void;
}): FatalExit {
  const exit = o.exit ?? ((code: number) => process.exit(code));
  let ending = false;
  const within = (work: () => Promise<void>) =>
    Promise.race([work().catch(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, LAST_WORDS_MS).unref())]);
  const fatal = (reason: string, error?: unknown) => {
    if (ending) return;
    ending = true;
    const err = error instanceof Error ? { err: error.message, stack: error.stack } : error === undefined ? {} : { err: String(error) };
    try {
      o.logger.error({ ...err, reason }, 'fatal: switching the lock off and exiting so the supervisor restarts the kiosk');
    } catch {
      // Logging is not worth staying alive for.
    }
    void within(o.failSafe)
      .then(() => within(o.flush ?? (async () => {})))
      .finally(() => exit(EXIT_FATAL));
  };
  const onException = (e: unknown) => fatal('uncaught exception', e);
  const onRejection = (e: unknown) => fatal('unhandled promise rejection', e);
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return {
    fatal,
    dispose: () => {
      process.off('uncaughtException', onException);
      process.off('unhandledRejection', onRejection);
    },
  };
}
