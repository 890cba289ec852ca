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

export interface Logger {
  trace: LogFn;
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  child(bindings: Record<string, unknown>): Logger;
}

const noop: LogFn = () => {};

export const silentLogger: Logger = {
  trace: noop,
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => silentLogger,
};
