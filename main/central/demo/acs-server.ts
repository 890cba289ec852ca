import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { decodeMessage } from '../sip2/codec/decode.ts';
import { encodeMessage } from '../sip2/codec/encode.ts';
import { Sip2Framer } from '../sip2/codec/framer.ts';
import { fieldValue, type SipMessage } from '../sip2/codec/message.ts';
import { DemoCatalog } from './catalog/catalog.ts';
import { DEMO_BRANCHES, DEMO_LOGIN } from './data.ts';
import { answer } from './handlers.ts';
import { DemoLibrary } from './library.ts';
import { type DemoOai, startDemoOai } from './oai/oai-server.ts';

/** What the demo ACS can be told to do wrong, for tests of the client and the queue. */
export type Misbehaviour =
  | { readonly kind: 'normal' }
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'drop' }
  | { readonly kind: 'corrupt'; readonly count?: number }
  | { readonly kind: 'silence' };

export interface DemoAcsOptions {
  readonly port?: number;
  readonly host?: string;
  /** Answer time added to every response (the latency of a real Koha). */
  readonly latencyMs?: number;
  readonly timeZone?: string;
  readonly now?: () => Date;
  /** Also serve the demo catalogue over OAI-PMH (HTTP) on this port; 0 picks a free one, undefined: no OAI. */
  readonly httpPort?: number;
  /** Record slots of the demo catalogue (default 2,100, about 2,058 live records) and its seed. */
  readonly catalogSize?: number;
  readonly catalogSeed?: number;
  /** Records per OAI list response. */
  readonly oaiPageSize?: number;
}

export interface DemoAcs {
  readonly port: number;
  readonly host: string;
  readonly state: DemoLibrary;
  readonly login: typeof DEMO_LOGIN;
  readonly catalog: DemoCatalog;
  /** The OAI-PMH endpoint, when started with an httpPort. */
  readonly oai: DemoOai | undefined;
  /** The demo region's libraries, branch code -> name (for transport crate labels). */
  readonly region: Readonly<Record<string, string>>;
  misbehave(mode: Misbehaviour): void;
  /** Requests answered so far (all connections). */
  readonly requests: () => number;
  /** Requests that met a misbehaviour so far (silenced, dropped, delayed, corrupted): tests wait for a fault to strike. */
  readonly struck: () => number;
  close(): Promise<void>;
}

const KOHA = { terminator: '\r\n', pipeEscape: '&#124;' } as const;

/**
 * A real SIP2 server on loopback that behaves like Koha's SIPServer for
 * the demo region: what `openbranch start` talks to in the embedded default
 * and what tests run against.
 */
export async function startDemoAcs(options: DemoAcsOptions = {}): Promise<DemoAcs> {
  const now = options.now ?? (() => new Date());
  const catalog = new DemoCatalog({
    ...(options.catalogSize === undefined ? {} : { size: options.catalogSize }),
    ...(options.catalogSeed === undefined ? {} : { seed: options.catalogSeed }),
    today: now(),
  });
  const library = new DemoLibrary(now, () => catalog.items());
  const timeZone = options.timeZone ?? 'Europe/Stockholm';
  let mode: Misbehaviour = { kind: 'normal' };
  let answered = 0;
  let struck = 0;
  const sockets = new Set<Socket>();

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const framer = new Sip2Framer();
    let loggedIn = false;
    let last: Uint8Array | undefined;
    let chain = Promise.resolve();

    const send = (bytes: Uint8Array, onWire = bytes) => {
      last = bytes;
      if (!socket.destroyed) socket.write(onWire);
    };
    // Corruption happens "on the wire": a 97 resend gets the clean message.
    const respond = (msg: SipMessage, sequence: number | undefined) => {
      const bytes = encodeMessage(msg, { ...KOHA, ...(sequence === undefined ? {} : { sequence }) });
      if (mode.kind === 'corrupt' && sequence !== undefined) {
        const left = (mode.count ?? Number.POSITIVE_INFINITY) - 1;
        mode = left > 0 ? { kind: 'corrupt', count: left } : { kind: 'normal' };
        send(bytes, corruptChecksum(bytes));
        return;
      }
      send(bytes);
    };

    const handle = async (frame: Uint8Array) => {
      if (mode.kind !== 'normal') struck++;
      if (mode.kind === 'silence') return;
      if (mode.kind === 'drop') {
        socket.destroy();
        return;
      }
      const wait = (options.latencyMs ?? 0) + (mode.kind === 'delay' ? mode.ms : 0);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      let req: ReturnType<typeof decodeMessage>;
      try {
        req = decodeMessage(frame, { pipeEscape: KOHA.pipeEscape });
      } catch {
        send(encodeMessage({ code: '96', fixed: {}, fields: [] }, KOHA));
        return;
      }
      if (req.checksumValid === false) {
        send(encodeMessage({ code: '96', fixed: {}, fields: [] }, KOHA));
        return;
      }
      if (req.code === '97') {
        if (last) send(last);
        return;
      }
      if (req.code === '93') {
        loggedIn = fieldValue(req, 'CN') === DEMO_LOGIN.user && fieldValue(req, 'CO') === DEMO_LOGIN.password;
        respond({ code: '94', fixed: { ok: loggedIn ? '1' : '0' }, fields: [] }, req.sequence);
        return;
      }
      // Koha's SIPServer drops a connection that has not logged in.
      if (!loggedIn) {
        socket.destroy();
        return;
      }
      const msg = answer(req, { library, institution: DEMO_LOGIN.institution, now, timeZone });
      answered++;
      if (msg) respond(msg, req.sequence);
    };

    socket.on('data', (chunk: Buffer) => {
      let frames: Uint8Array[];
      try {
        frames = framer.push(new Uint8Array(chunk));
      } catch {
        socket.destroy();
        return;
      }
      for (const frame of frames) chain = chain.then(() => handle(frame));
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const oai =
    options.httpPort === undefined
      ? undefined
      : await startDemoOai({
          catalog,
          holds: () => library.holds,
          port: options.httpPort,
          host,
          now,
          ...(options.oaiPageSize ? { pageSize: options.oaiPageSize } : {}),
        });
  return {
    port: (server.address() as AddressInfo).port,
    host,
    state: library,
    login: DEMO_LOGIN,
    catalog,
    oai,
    region: Object.fromEntries(DEMO_BRANCHES.map((b) => [b.code, b.name])),
    misbehave: (m) => {
      mode = m;
    },
    requests: () => answered,
    struck: () => struck,
    close: async () => {
      await oai?.close();
      await new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      });
    },
  };
}

/** Flips the last checksum digit, keeping the terminator. */
function corruptChecksum(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  let i = out.length - 1;
  while (i > 0 && (out[i] === 0x0d || out[i] === 0x0a)) i--;
  out[i] = out[i] === 0x30 ? 0x31 : 0x30;
  return out;
}
