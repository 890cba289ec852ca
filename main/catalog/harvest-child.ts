/**
 * One catalogue harvest in a process of its own (started by harvestInChild):
 * the pages' XML, the parsed records and the HTTP client live and die here,
 * so the kiosk's own heap never grows to hold them and keeps the memory of
 * an idle kiosk. It reads one request from the IPC channel, answers with the
 * result (or the error), forwards its log lines, and exits.
 */
import type { LogFn, Logger, LogLevel } from '../../shared/logger.ts';
import type { Db } from '../storage/database.ts';
import type { HarvestChildMessage, HarvestRequest } from './harvest-process.ts';
import { harvest } from './harvester.ts';
import { CatalogStore, openCatalogDb } from './store.ts';

const send = (m: HarvestChildMessage) => new Promise<void>((r) => process.send?.(m, undefined, {}, () => r()));

function ipcLogger(bindings: Record<string, unknown> = { harvestPid: process.pid }): Logger {
  const at =
    (level: LogLevel): LogFn =>
    (a: Record<string, unknown> | string, msg?: string) =>
      void send(typeof a === 'string' ? { log: { level, obj: bindings, msg: a } } : { log: { level, obj: { ...bindings, ...a }, msg } });
  return {
    trace: at('trace'),
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => ipcLogger({ ...bindings, ...more }),
  };
}

// The kiosk gone (killed, restarted): this harvest stops with it; the page under way is not applied.
process.once('disconnect', () => process.exit(0));

process.once('message', async (request: HarvestRequest) => {
  let db: Db | undefined;
  try {
    db = openCatalogDb(request.file);
    const result = await harvest(new CatalogStore(db), { ...request.options, logger: ipcLogger() });
    await send({ result });
  } catch (e) {
    const err = e as Error & { code?: string };
    await send({ error: { message: err.message, ...(err.code ? { code: err.code } : {}) } });
  } finally {
    db?.close();
    process.removeAllListeners('disconnect');
    process.disconnect();
  }
});
