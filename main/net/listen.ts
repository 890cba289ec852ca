import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  /** scheme://host:port with the port really bound (port 0 picks a free one). */
  readonly url: string;
  close(): Promise<void>;
}

/** Listens on host:port and resolves with the URL; close() drops open connections first so it never hangs. */
export function listenOn(server: Server, host: string, port: number, scheme: 'http' | 'https' = 'http'): Promise<Listening> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const bound = (server.address() as AddressInfo).port;
      resolve({
        url: `${scheme}://${host.includes(':') ? `[${host}]` : host}:${bound}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
