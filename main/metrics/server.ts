import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Logger } from '../../shared/logger.ts';
import { listenOn } from '../net/listen.ts';
import { allowedHosts, hostAllowed } from './host-check.ts';
import type { KioskMetricsRegistry } from './registry.ts';

export interface MetricsServerOptions {
  readonly source: Pick<KioskMetricsRegistry, 'registry' | 'health'>;
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly token?: string | undefined;
  /** Host names besides this machine's own that requests may name (the name Prometheus scrapes it by). */
  readonly allowedHosts?: readonly string[];
  readonly logger: Logger;
}

export interface MetricsServer {
  readonly url: string;
  close(): Promise<void>;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison of "Bearer <token>" against the configured token. */
export function isAuthorized(header: string | undefined, token: string | undefined): boolean {
  if (token === undefined) return true;
  const match = /^Bearer (.+)$/.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}

/**
 * GET /metrics (Prometheus text format) and GET /health (JSON, the same as
 * `openbranch status --json`). Read-only; nothing else is served; a
 * request naming a host that is not this kiosk gets 421.
 */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const log = options.logger.child({ subsystem: 'metrics' });
  let allowed = new Set<string>();
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Like the web host: a Host that is not ours is a page elsewhere reaching in through DNS rebinding.
    if (!hostAllowed(req, allowed)) return reply(res, 421, 'text/plain', 'misdirected request\n');
    if (req.method !== 'GET') return reply(res, 405, 'text/plain', 'method not allowed\n');
    if (!isAuthorized(req.headers.authorization, options.token)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return reply(res, 401, 'text/plain', 'unauthorized\n');
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/metrics') return reply(res, 200, options.source.registry.contentType, await options.source.registry.metrics());
    if (path === '/health') return reply(res, 200, 'application/json', `${JSON.stringify(options.source.health())}\n`);
    return reply(res, 404, 'text/plain', 'not found\n');
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log.error({ err: e instanceof Error ? e.message : String(e) }, 'metrics request failed');
      if (!res.headersSent) reply(res, 500, 'text/plain', 'error\n');
    });
  });
  const listening = await listenOn(server, options.host, options.port);
  allowed = allowedHosts(options.host, Number(new URL(listening.url).port), options.allowedHosts);
  log.info({ url: listening.url, token: options.token !== undefined }, 'metrics endpoint listening');
  return listening;
}

function reply(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}
