import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { decodeMessage } from '../../../main/central/sip2/codec/decode.ts';
import { Sip2Framer } from '../../../main/central/sip2/codec/framer.ts';
import { fieldValue, type SipMessage } from '../../../main/central/sip2/codec/message.ts';

/**
 * A TCP hop between the kiosk and the SIP2 server that records every
 * message the kiosk puts on the wire, and can cut the line (every
 * connection refused or dropped) like a dead branch network. Tests assert
 * on what crossed the wire, not on what a screen said.
 */
export class Sip2Tap {
  readonly sent: SipMessage[] = [];
  private cut = false;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<Sip2Tap> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const tap = new Sip2Tap(server, (server.address() as AddressInfo).port);
    server.on('connection', (client) => tap.relay(client, target));
    return tap;
  }

  readonly host = '127.0.0.1';

  /** Patron Information requests (63) for a card, with their PIN field (AD) as sent. */
  patronRequests(card: string): Array<{ pin: string | undefined }> {
    return this.sent.filter((m) => m.code === '63' && fieldValue(m, 'AA') === card).map((m) => ({ pin: fieldValue(m, 'AD') }));
  }

  /** Cuts the network: open connections drop, new ones are closed at once. */
  down(): void {
    this.cut = true;
    for (const s of this.sockets) s.destroy();
  }

  up(): void {
    this.cut = false;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket, target: { host: string; port: number }): void {
    if (this.cut) return void client.destroy();
    const upstream = connect(target.port, target.host);
    const framer = new Sip2Framer();
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('close', () => {
        this.sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
      s.on('error', () => s.destroy());
    }
    client.on('data', (chunk: Buffer) => {
      for (const frame of framer.push(new Uint8Array(chunk))) {
        try {
          this.sent.push(decodeMessage(frame, { pipeEscape: '&#124;' }));
        } catch {
          // Not a message the codec reads: nothing the kiosk should send, and not what these tests look for.
        }
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
  }
}
