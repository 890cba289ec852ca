import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import sirv from 'sirv';
import { MAX_MESSAGE_BYTES } from '../../../shared/contract/bridge.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import type { Logger } from '../../../shared/logger.ts';
import type { BridgeConnection, BridgeHub } from '../../hub/bridge-hub.ts';
import { hostAllowed, originAllowed, securityHeaders, tokenMatches } from './security.ts';

export interface WebHostOptions {
  /**
   * The bridge to the kiosk core. A promise lets the host listen (and the URL
   * be printed) before the core is built: pages load at once, and a bridge
   * connection made early is served as soon as the core is there.
   */
  readonly hub: BridgeHub | Promise<BridgeHub>;
  /** The built renderer (vite build output). */
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly logger: Logger;
  /** Fixed token (tests); default is random per start. */
  readonly token?: string;
  /** Serve the simulator panel at /simulator (demo mode only); otherwise that path is 404. */
  readonly simulatorPanel?: boolean;
}

export interface WebHost {
  readonly port: number;
  readonly token: string;
  /** The kiosk's URL, token included. */
  readonly url: string;
  /**
   * Settles once a page has been sent the HTML and every file it names (its code, styles and the
   * first words): the kiosk builds its core after that, so a page is never kept waiting for them.
   */
  readonly pageServed: Promise<void>;
  close(): Promise<void>;
}

export const BRIDGE_PATH = '/bridge';
const MAX_EARLY_MESSAGES = 32;

/**
 * The web host: serves the renderer and carries the bridge over a
 * WebSocket, on 127.0.0.1 only. A random token, printed in the URL at
 * start, guards the socket; the page never needs more than that.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  if (!existsSync(options.rendererDir)) {
    throw new OpenBranchError('config.renderer-missing', `the renderer is not built (${options.rendererDir}); run: npm run build`, {});
  }
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.logger.child({ subsystem: 'web-host' });
  const hub = Promise.resolve(options.hub);
  const server = createServer();
  await listen(server, options.port);
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const headers = securityHeaders(origin);
  const files = sirv(options.rendererDir, {
    dev: false,
    etag: true,
    single: true,
    dotfiles: false,
    setHeaders: (res) => {
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    },
  });

  const page = pageFiles(options.rendererDir);

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req, port)) return reject(res, 421, 'misdirected request');
    if (req.method !== 'GET' && req.method !== 'HEAD') return reject(res, 405, 'method not allowed');
    // A page whose socket is refused asks here why, so the screen can tell the technician (the socket only sees "closed").
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === BRIDGE_PATH) {
      const given = url.searchParams.get('token');
      return given === null || given === ''
        ? reject(res, 401, 'no token')
        : tokenMatches(token, given)
          ? reject(res, 426, 'upgrade to a WebSocket')
          : reject(res, 403, 'wrong token');
    }
    if (!options.simulatorPanel && isSimulatorPath(req.url)) return reject(res, 404, 'not found');
    res.once('finish', () => page.served(url.pathname, res.statusCode, String(res.getHeader('content-type')).startsWith('text/html')));
    files(req, res, () => reject(res, 404, 'not found'));
  });

  // The WebSocket library loads once the port is bound: the URL is printed without waiting for it.
  const sockets = import('ws').then(({ WebSocketServer }) => new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES }));
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', origin);
    const refusal = !hostAllowed(req, port)
      ? 'host'
      : !originAllowed(req, port)
        ? 'origin'
        : url.pathname !== BRIDGE_PATH
          ? 'path'
          : !tokenMatches(token, url.searchParams.get('token'))
            ? 'token'
            : undefined;
    if (refusal) {
      log.warn({ refusal }, 'bridge connection refused');
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    void sockets.then((wss) =>
      wss.handleUpgrade(req, socket, head, (ws) => {
        const peer = `ws:${req.socket.remotePort}`;
        // Messages that arrive before the core is there wait for it, in order (a few at most).
        const early: (string | null)[] = [];
        let connection: BridgeConnection | undefined;
        let closed = false;
        ws.on('message', (data, isBinary) => {
          const raw = isBinary ? null : data.toString('utf8');
          if (connection) connection.receive(raw);
          else if (early.length < MAX_EARLY_MESSAGES) early.push(raw);
        });
        ws.on('close', () => {
          closed = true;
          connection?.close();
        });
        ws.on('error', (e) => log.warn({ err: e.message }, 'bridge socket error'));
        void hub.then((h) => {
          if (closed) return;
          connection = h.connect((message) => ws.send(JSON.stringify(message)), peer);
          for (const raw of early.splice(0)) connection.receive(raw);
        });
      }),
    );
  });

  const url = `${origin}/?token=${token}`;
  log.info({ port }, 'web host listening on 127.0.0.1');
  return {
    port,
    token,
    url,
    pageServed: page.all,
    close: async () => {
      const wss = await sockets;
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The built page's files (the HTML's script, module preloads and styles), and when each was first sent. */
function pageFiles(rendererDir: string): { all: Promise<void>; served(path: string, status: number, isHtml: boolean): void } {
  let html: string;
  try {
    html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  } catch {
    html = '';
  }
  // '' stands for the HTML itself, whichever page's path (kiosk, door, technician) it was sent for.
  const waiting = new Set(['', ...[...html.matchAll(/(?:src|href)="\.(\/assets\/[^"]+)"/g)].map((m) => m[1]!)]);
  let done: () => void = () => {};
  const all = new Promise<void>((resolve) => {
    done = resolve;
  });
  return {
    all,
    served: (path, status, isHtml) => {
      if (status >= 400 || !waiting.delete(isHtml ? '' : path)) return;
      if (waiting.size === 0) done();
    },
  };
}

/** Any path the renderer would route to the simulator panel (its last segment decides), however spelled. */
function isSimulatorPath(url: string | undefined): boolean {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url ?? '/', 'http://x').pathname);
  } catch {
    return true;
  }
  return /(^|\/)simulator(\/|$)/i.test(path);
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new OpenBranchError('config.port', `cannot listen on 127.0.0.1:${port} (${e.code}); is another kiosk running?`, {
          port,
          errno: e.code,
        }),
      ),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

function reject(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}
