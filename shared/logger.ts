/**
 * The logging surface that devices/ and main/machines/ may depend on.
 * main/logging provides a pino-backed implementation; tests may pass
 * `silentLogger`. Patron ids, PINs and passwords are redacted by the
 * implementation, but callers should still never pass a PIN.
 */
export interface LogFn {
  (msg: string): void;
  (obj: Record<string, unknown>, msg?: string): void;
}

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  trace: LogFn;
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  child(bindings: Record<string, unknown>): Logger;
  /** Whether a line at this level is written (pino has it); lets a caller skip building what would be dropped. */
  isLevelEnabled?(level: LogLevel): boolean;
}

/** True unless the logger says the level is off (one that cannot tell gets everything). */
export const logsAt = (logger: Logger, level: LogLevel): boolean => logger.isLevelEnabled?.(level) ?? true;

const noop: LogFn = () => {};

export const silentLogger: Logger = {
  trace: noop,
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => silentLogger,
  isLevelEnabled: () => false,
};
