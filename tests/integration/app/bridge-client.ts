import WebSocket from 'ws';
import type { MainMessage, RendererMessage } from '../../../shared/contract/bridge.ts';
import { checkMainMessage } from '../../support/main-messages.ts';

/**
 * The renderer's side of the bridge as an attacker at the kiosk would use
 * it: a raw WebSocket with the URL's token, sending whatever it likes and
 * reading every message main sends back.
 */
export class BridgeClient {
  readonly received: MainMessage[] = [];
  private readonly waiters = new Set<() => void>();
  private nextId = 1;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      checkMainMessage(data.toString());
      this.received.push(JSON.parse(data.toString()) as MainMessage);
      for (const wake of [...this.waiters]) wake();
    });
  }

  static async connect(port: number, token: string): Promise<BridgeClient> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/bridge?token=${token}`);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const client = new BridgeClient(ws);
    client.send({ type: 'hello', protocol: 1 });
    await client.next((m) => m.type === 'view');
    return client;
  }

  send(message: RendererMessage | Record<string, unknown>): void {
    this.ws.send(JSON.stringify(message));
  }

  /** The first message from now on (or already received after `from`) that matches. */
  next<T extends MainMessage>(match: (m: MainMessage) => m is T, from?: number, ms?: number): Promise<T>;
  next(match: (m: MainMessage) => boolean, from?: number, ms?: number): Promise<MainMessage>;
  next(match: (m: MainMessage) => boolean, from = this.received.length, ms = 15_000): Promise<MainMessage> {
    return new Promise((resolve, reject) => {
      const look = () => {
        const found = this.received.slice(from).find(match);
        if (!found) return false;
        this.waiters.delete(look);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(look);
        reject(new Error(`no matching bridge message within ${ms} ms; last: ${JSON.stringify(this.received.at(-1))}`));
      }, ms);
      if (!look()) this.waiters.add(look);
    });
  }

  /** A request/reply round trip (technician methods). */
  async request(method: string, params: unknown): Promise<Extract<MainMessage, { type: 'reply' }>['result']> {
    const id = this.nextId++;
    const from = this.received.length;
    this.send({ type: 'request', id, method, params });
    const reply = await this.next((m) => m.type === 'reply' && m.id === id, from);
    return (reply as Extract<MainMessage, { type: 'reply' }>).result;
  }

  /** Card, PIN digit by digit, OK: what the door screen sends. Resolves with the door's answer. */
  async enterAtDoor(card: string, pin: string): Promise<Extract<MainMessage, { type: 'door' }>['view']> {
    const from = this.received.length;
    this.send({ type: 'door', event: { type: 'door.card', number: card } });
    for (const digit of pin) this.send({ type: 'door', event: { type: 'door.digit', digit } });
    this.send({ type: 'door', event: { type: 'door.submit' } });
    // After "checking", so a view left over from the previous attempt is not taken for this one's answer.
    await this.next((m) => m.type === 'door' && m.view.step === 'checking', from);
    const checked = this.received.findLastIndex((m) => m.type === 'door' && m.view.step === 'checking');
    const answer = await this.next((m) => m.type === 'door' && (m.view.step === 'granted' || m.view.step === 'denied'), checked);
    return (answer as Extract<MainMessage, { type: 'door' }>).view;
  }

  /** A card typed at the self-service screen; resolves on the PIN screen. */
  async presentCard(card: string): Promise<void> {
    const from = this.received.length;
    this.send({ type: 'event', event: { type: 'card.entered', number: card, source: 'keypad' } });
    await this.next((m) => m.type === 'view' && m.view.screen === 'pin', from);
  }

  /** A PIN typed at the self-service PIN screen; resolves with the screen that answers it (menu, the PIN again with an error, or the error screen). */
  async typePin(pin: string): Promise<Extract<MainMessage, { type: 'view' }>['view']> {
    const from = this.received.length;
    this.send({ type: 'event', event: { type: 'pin.entered', pin } });
    // First the look-up (the PIN screen without an error), so a view left over from the last try is not its answer.
    const lookup = (m: MainMessage) => m.type === 'view' && m.view.screen === 'pin' && m.view.data.error === undefined;
    await this.next(lookup, from);
    const answered = (m: MainMessage) =>
      m.type === 'view' &&
      (m.view.screen === 'menu' || m.view.screen === 'error' || (m.view.screen === 'pin' && m.view.data.error !== undefined));
    const asked = this.received.findIndex((m, i) => i >= from && lookup(m));
    return ((await this.next(answered, asked)) as Extract<MainMessage, { type: 'view' }>).view;
  }

  /** Back to the start screen (Cancel / End). */
  async endSession(): Promise<void> {
    const from = this.received.length;
    this.send({ type: 'event', event: { type: 'ui.cancel' } });
    await this.next((m) => m.type === 'view' && m.view.screen === 'attract', from);
  }

  close(): void {
    this.ws.close();
  }
}
