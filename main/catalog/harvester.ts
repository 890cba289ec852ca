import { isOpenBranchError, isTransient, OpenBranchError } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import { extractRecord } from './extract.ts';
import { fetchPage, type PageResult } from './oai-client.ts';
import type { CatalogStore, HarvestedRecord } from './store.ts';

export interface HarvestOptions {
  readonly url: string;
  /** Everything again (default: only what changed since the last harvest, or everything the first time). */
  readonly full?: boolean;
  readonly timeoutMs: number;
  /** Attempts per page after the first. */
  readonly retries: number;
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  readonly logger: Logger;
  readonly onProgress?: (p: HarvestProgress) => void;
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
}

export interface HarvestProgress {
  readonly full: boolean;
  readonly pages: number;
  readonly stored: number;
  readonly removed: number;
  readonly retries: number;
  /** Where the server says the list is (completeListSize / cursor), when it tells. */
  readonly listSize?: number;
  readonly cursor?: number;
}

export interface HarvestResult extends HarvestProgress {
  readonly from?: string;
  readonly lastDatestamp?: string;
  readonly total: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(signal.reason);
    });
  });

/** The last part of an OAI identifier ("oai:koha:123" -> "123"): Koha's biblionumber. */
export const localId = (identifier: string) => identifier.slice(identifier.lastIndexOf(':') + 1) || identifier;

/**
 * Harvests the catalogue over OAI-PMH into the store: the first time (or
 * with `full`) everything, then what changed since the last datestamp
 * (`from`). Follows resumption tokens; deleted records are removed; each
 * page is applied in one transaction only once it arrived whole; a page
 * that fails transiently is asked again after a backoff (the server's
 * Retry-After when it gives one), up to `retries` times.
 */
export async function harvest(store: CatalogStore, o: HarvestOptions): Promise<HarvestResult> {
  const now = o.now ?? (() => new Date());
  const previous = store.get('lastDatestamp');
  const full = o.full === true || previous === undefined;
  const harvestNo = Number(store.get('harvest') ?? '0') + 1;
  const first = new URLSearchParams({ verb: 'ListRecords', metadataPrefix: 'marcxml', ...(full ? {} : { from: previous! }) });
  let params = first;
  let progress: HarvestProgress = { full, pages: 0, stored: 0, removed: 0, retries: 0 };
  let maxDatestamp = previous;
  let restarted = false;
  store.set('lastHarvestAt', now().toISOString());
  try {
    for (;;) {
      const page = await fetchWithRetries(o, params, (n) => {
        progress = { ...progress, retries: progress.retries + n };
      });
      if (page.oaiError) {
        if (page.oaiError.code === 'noRecordsMatch') break;
        if (page.oaiError.code === 'badResumptionToken' && !restarted) {
          // The server forgot where we were (restarted, token expired): begin the list again.
          o.logger.warn({ url: o.url }, 'resumption token refused; starting the list again');
          restarted = true;
          params = first;
          continue;
        }
        throw new OpenBranchError('catalog.oai-error', `the catalogue server said ${page.oaiError.code}: ${page.oaiError.message}`, {
          code: page.oaiError.code,
        });
      }
      const harvested: HarvestedRecord[] = page.records.map((r) => {
        const id = localId(r.identifier);
        if (maxDatestamp === undefined || r.datestamp > maxDatestamp) maxDatestamp = r.datestamp;
        return r.deleted || !r.marc
          ? { id, datestamp: r.datestamp, deleted: true }
          : { id, datestamp: r.datestamp, deleted: false, record: { ...extractRecord(r.marc, id), id } };
      });
      const applied = store.apply(harvested, harvestNo);
      progress = {
        ...progress,
        pages: progress.pages + 1,
        stored: progress.stored + applied.stored,
        removed: progress.removed + applied.removed,
        ...(page.token?.completeListSize === undefined ? {} : { listSize: page.token.completeListSize }),
        cursor: (page.token?.cursor ?? progress.cursor ?? 0) + page.records.length,
      };
      o.onProgress?.(progress);
      if (!page.token?.token) break;
      params = new URLSearchParams({ verb: 'ListRecords', resumptionToken: page.token.token });
      // Let the kiosk's own work run between pages.
      await new Promise((r) => setImmediate(r));
    }
  } catch (e) {
    store.set('lastResult', 'failed');
    store.set('lastError', e instanceof Error ? e.message : String(e));
    throw e;
  }
  if (full) progress = { ...progress, removed: progress.removed + store.dropOlderThan(harvestNo) };
  store.set('harvest', String(harvestNo));
  if (maxDatestamp) store.set('lastDatestamp', maxDatestamp);
  if (full) store.set('lastFullAt', now().toISOString());
  store.set('lastResult', 'ok');
  store.set('lastError', undefined);
  return {
    ...progress,
    ...(full ? {} : { from: previous! }),
    ...(maxDatestamp ? { lastDatestamp: maxDatestamp } : {}),
    total: store.count(),
  };
}

async function fetchWithRetries(o: HarvestOptions, params: URLSearchParams, onRetry: (n: number) => void): Promise<PageResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchPage(o.url, params, { timeoutMs: o.timeoutMs, ...(o.signal ? { signal: o.signal } : {}) });
    } catch (e) {
      const retryable = isTransient(e) || isOpenBranchError(e, 'catalog.malformed');
      if (!retryable || attempt >= o.retries || o.signal?.aborted) throw e;
      const asked = isOpenBranchError(e) ? (e.details.retryAfterMs as number | undefined) : undefined;
      const wait = Math.min(o.maxBackoffMs, asked ?? o.backoffMs * 2 ** attempt);
      o.logger.warn({ attempt: attempt + 1, waitMs: wait, err: (e as Error).message }, 'catalogue page failed; asking again');
      onRetry(1);
      await sleep(wait, o.signal);
    }
  }
}
