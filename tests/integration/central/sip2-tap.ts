import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP hop between a SIP2 client and an ACS (the demo ACS in tests): it
 * keeps every message the client sends, one per entry without its
 * terminator, and can rewrite the next answer of a given command code on
 * its way back (a forged or damaged answer "on the wire").
 */
export interface Sip2Tap {
  readonly port: number;
  readonly sent: string[];
  forgeNext(code: string, forge: (message: string) => string): void;
  close(): Promise<void>;
}

/** Splits a latin1 stream at CR (CRLF and a leading LF alike) and hands over each whole message. */
function messages(onMessage: (body: string) => void): (chunk: Buffer) => void {
  let buffered = '';
  return (chunk) => {
    buffered += chunk.toString('latin1');
    for (let end = buffered.indexOf('\r'); end >= 0; end = buffered.indexOf('\r')) {
      const body = buffered.slice(0, end).replace(/^\n/, '');
      buffered = buffered.slice(end + 1);
      if (body.length > 0) onMessage(body);
    }
  };
}

export async function sip2Tap(upstreamPort: number): Promise<Sip2Tap> {
  const sent: string[] = [];
  let forgery: { code: string; forge: (m: string) => string } | undefined;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(upstreamPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.on(
      'data',
      messages((body) => {
        sent.push(body);
        upstream.write(Buffer.from(`${body}\r\n`, 'latin1'));
      }),
    );
    upstream.on(
      'data',
      messages((body) => {
        let answer = body;
        if (forgery && body.startsWith(forgery.code)) {
          answer = forgery.forge(body);
          forgery = undefined;
        }
        client.write(Buffer.from(`${answer}\r\n`, 'latin1'));
      }),
    );
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    sent,
    forgeNext: (code, forge) => {
      forgery = { code, forge };
    },
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
