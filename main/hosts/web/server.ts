import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import sirv from 'sirv';
import { MAX_MESSAGE_BYTES } from '../../../shared/contract/bridge.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import type { Logger } from '../../../shared/logger.ts';
import type { BridgeHub } from '../../hub/bridge-hub.ts';
import { hostAllowed, originAllowed, securityHeaders, tokenMatches } from './security.ts';

export interface WebHostOptions {
  /**
   * The bridge to the kiosk core. A hub made `whileStarting` lets the host listen (and the URL
   * be printed) before the core is built: a page gets its start screen at once.
   */
  readonly hub: BridgeHub;
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
  close(): Promise<void>;
}

export const BRIDGE_PATH = '/bridge';

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
        const connection = options.hub.connect((message) => ws.send(JSON.stringify(message)), peer);
        ws.on('message', (data, isBinary) => connection.receive(isBinary ? null : data.toString('utf8')));
        ws.on('close', () => connection.close());
        ws.on('error', (e) => log.warn({ err: e.message }, 'bridge socket error'));
      }),
    );
  });

  const url = `${origin}/?token=${token}`;
  log.info({ port }, 'web host listening on 127.0.0.1');
  return {
    port,
    token,
    url,
    close: async () => {
      const wss = await sockets;
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
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
