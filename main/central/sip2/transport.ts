import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { OpenBranchError } from '../../../shared/errors.ts';

/** The byte stream the client needs; a net.Socket or tls.TLSSocket, or a test double. */
export interface Sip2Socket {
  write(data: Uint8Array): boolean;
  on(event: 'data', listener: (chunk: Uint8Array) => void): this;
  on(event: 'close', listener: () => void): this;
  on(event: 'error', listener: (e: Error) => void): this;
  destroy(): void;
}

export interface DialOptions {
  readonly host: string;
  readonly port: number;
  readonly tls?: boolean;
  readonly caFile?: string;
  readonly tlsInsecure?: boolean;
  readonly timeoutMs: number;
}

export type Dialer = (options: DialOptions) => Promise<Sip2Socket>;

/** TCP or TLS (a CA file for a private CA; also fine in front of stunnel). */
export const dialTcp: Dialer = (o) =>
  new Promise((resolve, reject) => {
    const ca = o.tls && o.caFile ? readFileSync(o.caFile) : undefined;
    const socket = o.tls
      ? tls.connect({
          host: o.host,
          port: o.port,
          servername: net.isIP(o.host) ? '' : o.host,
          rejectUnauthorized: !o.tlsInsecure,
          ...(ca ? { ca } : {}),
        })
      : net.connect({ host: o.host, port: o.port });
    socket.setNoDelay(true);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new OpenBranchError('sip2.connect', `no connection to ${o.host}:${o.port} within ${o.timeoutMs} ms`, {
          host: o.host,
          port: o.port,
        }),
      );
    }, o.timeoutMs);
    const onError = (e: Error) => {
      clearTimeout(timer);
      reject(
        new OpenBranchError(
          'sip2.connect',
          `cannot connect to ${o.host}:${o.port}: ${e.message}`,
          { host: o.host, port: o.port },
          { cause: e },
        ),
      );
    };
    socket.once('error', onError);
    socket.once(o.tls ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      socket.off('error', onError);
      resolve(socket);
    });
  });
