import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { DemoCatalog } from '../catalog/catalog.ts';
import { answerOai } from './oai-responses.ts';

/** Koha's path; the kiosk's config names the whole URL. */
export const OAI_PATH = '/cgi-bin/koha/oai.pl';
const MAX_BODY = 64 * 1024;

/** What the demo endpoint can be told to do wrong, for the harvester's tests. */
export type OaiMisbehaviour =
  | { readonly kind: 'normal' }
  /** Cut the connection halfway through the next `count` list responses. */
  | { readonly kind: 'drop-mid-list'; readonly count: number }
  /** Answer the next `count` requests with 503 and Retry-After. */
  | { readonly kind: 'busy'; readonly count: number; readonly retryAfterSeconds: number };

export interface DemoOaiOptions {
  readonly catalog: DemoCatalog;
  readonly port?: number;
  readonly host?: string;
  /** Records per list response (Koha's OAI-PMH:MaxCount, 50 by default). */
  readonly pageSize?: number;
  readonly now?: () => Date;
  /** The demo ACS's reservations, served as JSON at GET /demo/holds (tests check what a kiosk reserved). */
  readonly holds?: () => unknown;
}

export interface DemoOai {
  readonly url: string;
  readonly port: number;
  misbehave(mode: OaiMisbehaviour): void;
  /** OAI requests answered or refused so far. */
  requests(): number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A Koha-like OAI-PMH 2.0 endpoint over the demo catalogue, on loopback.
 * Besides OAI it takes demo-only commands: POST /demo/catalog {updated,
 * deleted} (a cataloguer's edits), POST /demo/misbehave, and GET
 * /demo/holds (the demo ACS's reservations).
 */
export async function startDemoOai(o: DemoOaiOptions): Promise<DemoOai> {
  const now = o.now ?? (() => new Date());
  let mode: OaiMisbehaviour = { kind: 'normal' };
  let answered = 0;
  const sockets = new Set<Socket>();
  let url = '';

  const oai = async (req: IncomingMessage, res: ServerResponse, query: URLSearchParams) => {
    answered++;
    const params = req.method === 'POST' ? new URLSearchParams(await readBody(req)) : query;
    if (mode.kind === 'busy') {
      const { retryAfterSeconds, count } = mode;
      mode = count > 1 ? { ...mode, count: count - 1 } : { kind: 'normal' };
      res.writeHead(503, { 'Retry-After': String(retryAfterSeconds), 'Content-Type': 'text/plain' }).end('busy: try again later\n');
      return;
    }
    const xml = Buffer.from(answerOai({ catalog: o.catalog, baseUrl: url, pageSize: o.pageSize ?? 50, now }, params), 'utf8');
    const verb = params.get('verb');
    if (mode.kind === 'drop-mid-list' && (verb === 'ListRecords' || verb === 'ListIdentifiers')) {
      const { count } = mode;
      mode = count > 1 ? { ...mode, count: count - 1 } : { kind: 'normal' };
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=UTF-8', 'Content-Length': String(xml.length) });
      res.write(xml.subarray(0, Math.floor(xml.length / 2)), () => res.socket?.destroy());
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/xml; charset=UTF-8', 'Content-Length': String(xml.length) }).end(xml);
  };

  const control = async (req: IncomingMessage, res: ServerResponse, what: 'catalog' | 'misbehave') => {
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    if (what === 'catalog') o.catalog.change(body as { updated?: string[]; deleted?: string[] }, now());
    else mode = body as OaiMisbehaviour;
    res.writeHead(204).end();
  };

  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://localhost');
    const route =
      u.pathname === OAI_PATH && (req.method === 'GET' || req.method === 'POST')
        ? oai(req, res, u.searchParams)
        : req.method === 'POST' && u.pathname === '/demo/catalog'
          ? control(req, res, 'catalog')
          : req.method === 'POST' && u.pathname === '/demo/misbehave'
            ? control(req, res, 'misbehave')
            : req.method === 'GET' && u.pathname === '/demo/holds' && o.holds
              ? Promise.resolve(void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(o.holds())))
              : Promise.resolve(void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n'));
    route.catch(() => {
      if (!res.headersSent) res.writeHead(400, { 'Content-Type': 'text/plain' }).end('bad request\n');
      else res.destroy();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const host = o.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://${host}:${port}${OAI_PATH}`;
  return {
    url,
    port,
    misbehave: (m) => {
      mode = m;
    },
    requests: () => answered,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
