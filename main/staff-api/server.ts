import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { StaffApiConfig } from '../../shared/config/staff-api.ts';
import type { Logger } from '../../shared/logger.ts';
import { listenOn } from '../net/listen.ts';
import { StaffAuth } from './auth.ts';
import type { Reply } from './routes.ts';

const MAX_BODY_BYTES = 4096;

export interface StaffApiServer {
  readonly url: string;
  close(): Promise<void>;
}

export type StaffHandler = (method: string, path: string, who: string, body: unknown) => Reply;

/**
 * The staff API's transport: HTTP on loopback, HTTPS (optionally asking for
 * a client certificate) elsewhere. Every request is authenticated before its
 * body is read; a refused one switches nothing.
 */
export async function startStaffApi(o: {
  readonly config: StaffApiConfig;
  readonly handle: StaffHandler;
  readonly logger: Logger;
  readonly auth?: StaffAuth;
}): Promise<StaffApiServer> {
  const { config } = o;
  const log = o.logger.child({ subsystem: 'staff-api' });
  const auth = o.auth ?? new StaffAuth(config);
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e: unknown) => {
      log.error({ err: e instanceof Error ? e.message : String(e) }, 'staff request failed');
      if (!res.headersSent) send(res, { status: 500, body: { ok: false, code: 'staff.internal', message: 'see the kiosk log' } });
    });
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const socket = req.socket as Partial<TLSSocket>;
    const cert = socket.authorized ? socket.getPeerCertificate?.() : undefined;
    const result = auth.check(req.socket.remoteAddress ?? 'unknown', req.headers.authorization, cert?.subject?.CN);
    if (!result.ok) {
      log.warn({ status: result.status, peer: req.socket.remoteAddress }, 'staff request refused');
      res.setHeader('WWW-Authenticate', 'Bearer realm="openbranch-staff"');
      req.resume();
      return send(res, {
        status: result.status,
        body: { ok: false, code: result.status === 429 ? 'staff.locked-out' : 'staff.unauthorized', message: 'not allowed' },
      });
    }
    const body = req.method === 'POST' ? await readJson(req) : undefined;
    if (body instanceof Error) return send(res, { status: 400, body: { ok: false, code: 'staff.bad-request', message: body.message } });
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    send(res, o.handle(req.method ?? 'GET', path, result.who, body));
  };
  const server: Server = config.tls
    ? createHttpsServer(
        {
          cert: readFileSync(config.tls.cert),
          key: readFileSync(config.tls.key),
          ...(config.tls.clientCa ? { ca: readFileSync(config.tls.clientCa), requestCert: true, rejectUnauthorized: false } : {}),
          minVersion: 'TLSv1.2',
        },
        serve,
      )
    : createHttpServer(serve);
  const listening = await listenOn(server, config.host, config.port, config.tls ? 'https' : 'http');
  log.info({ url: listening.url, staff: config.staff.length }, 'staff API listening');
  return listening;
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return resolve(new Error(`body larger than ${MAX_BODY_BYTES} bytes`));
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch {
        resolve(new Error('body is not JSON'));
      }
    });
    req.on('error', (e) => resolve(e));
  });
}

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(`${JSON.stringify(reply.body)}\n`);
}
