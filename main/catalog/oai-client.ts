import { OpenBranchError } from '../../shared/errors.ts';
import { OaiReader, type OaiRecord, type OaiToken } from './oai-reader.ts';

export interface PageResult {
  readonly records: OaiRecord[];
  readonly token: OaiToken | undefined;
  /** An OAI <error>, e.g. noRecordsMatch. */
  readonly oaiError?: { readonly code: string; readonly message: string };
}

export interface FetchOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

const unreachable = (url: string, why: string, cause?: unknown) =>
  new OpenBranchError('catalog.unreachable', `cannot read the catalogue from ${url}: ${why}`, { url }, { cause });

/** Seconds or an HTTP date (RFC 9110 Retry-After), as milliseconds. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * One OAI-PMH request, its body streamed through the reader as it
 * arrives. Connection trouble, a cut-off body and 5xx are transient
 * (`catalog.unreachable`, `catalog.server-busy` with the server's
 * Retry-After); malformed XML is `catalog.malformed`.
 */
export async function fetchPage(baseUrl: string, params: URLSearchParams, o: FetchOptions): Promise<PageResult> {
  const url = `${baseUrl}${baseUrl.includes('?') ? '&' : '?'}${params}`;
  const timeout = AbortSignal.timeout(o.timeoutMs);
  const signal = o.signal ? AbortSignal.any([o.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'text/xml, application/xml' } });
  } catch (e) {
    throw unreachable(
      baseUrl,
      timeout.aborted ? `no answer within ${o.timeoutMs} ms` : (((e as Error).cause as Error)?.message ?? String(e)),
      e,
    );
  }
  if (response.status === 503 || response.status === 429) {
    await response.body?.cancel();
    const wait = retryAfterMs(response.headers.get('retry-after'));
    throw new OpenBranchError('catalog.server-busy', `the catalogue server is busy (HTTP ${response.status})`, {
      url: baseUrl,
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    });
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    const code = response.status >= 500 ? 'catalog.unreachable' : 'catalog.http';
    throw new OpenBranchError(code, `the catalogue server answered HTTP ${response.status}`, { url: baseUrl, status: response.status });
  }
  const records: OaiRecord[] = [];
  let token: OaiToken | undefined;
  let oaiError: { code: string; message: string } | undefined;
  const reader = new OaiReader({
    record: (r) => records.push(r),
    token: (t) => {
      token = t;
    },
    error: (code, message) => {
      oaiError ??= { code, message };
    },
  });
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of response.body) reader.write(decoder.decode(chunk, { stream: true }));
    reader.write(decoder.decode());
  } catch (e) {
    if (e instanceof OpenBranchError) throw e;
    throw unreachable(baseUrl, timeout.aborted ? `the answer took longer than ${o.timeoutMs} ms` : 'the connection was cut mid-answer', e);
  }
  reader.end();
  return { records, token, ...(oaiError ? { oaiError } : {}) };
}
