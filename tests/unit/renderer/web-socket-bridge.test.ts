import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket, type WebSocket as Peer, WebSocketServer } from 'ws';
import { WebSocketBridge } from '../../../renderer/src/bridge/web-socket-bridge.ts';
import type { MainMessage } from '../../../shared/contract/bridge.ts';

// The page opens its socket while its code still loads (main.tsx): what main sends before the page
// listens must still reach the screen. A real socket to a real server on a port the OS picks; the
// page's WebSocket is the ws package's client, which speaks the same protocol.
let server: WebSocketServer | undefined;
const original = globalThis.WebSocket;
afterEach(async () => {
  globalThis.WebSocket = original;
  for (const c of server?.clients ?? []) c.terminate();
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

async function kioskEnd(): Promise<{ url: string; peer: Promise<Peer>; hello: Promise<unknown> }> {
  globalThis.WebSocket = NodeWebSocket as unknown as typeof WebSocket;
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => server!.once('listening', r));
  const s = server;
  const peer = new Promise<Peer>((resolve) => s.once('connection', resolve));
  const hello = peer.then((p) => new Promise((resolve) => p.once('message', (d) => resolve(JSON.parse(String(d))))));
  return { url: `ws://127.0.0.1:${(s.address() as AddressInfo).port}/bridge`, peer, hello };
}

const view = (screen: string) => ({ type: 'view', view: { screen, language: 'sv', data: {} } });

describe('the page’s bridge over the web host’s socket', () => {
  it('hands the latest view, door and simulator state to a listener that comes after they arrived, and no events', async () => {
    const end = await kioskEnd();
    const bridge = new WebSocketBridge(end.url, 't');
    expect(await end.hello).toEqual({ type: 'hello', protocol: 1 });
    const peer = await end.peer;
    const early: MainMessage[] = [];
    const stopEarly = bridge.onMessage((m) => early.push(m));
    for (const m of [
      view('identify'),
      { type: 'door', view: { step: 'idle' } },
      { type: 'refused', reason: 'schema' },
      view('attract'),
      { type: 'simulator', state: { cards: [] } },
    ])
      peer.send(JSON.stringify(m));
    await expect.poll(() => early.length).toBe(5);
    stopEarly();

    const late: MainMessage[] = [];
    bridge.onMessage((m) => late.push(m));
    // Once the caller has its unsubscribe, in a fixed order: the screen draws the latest view at once.
    expect(late).toEqual([]);
    await Promise.resolve();
    expect(late).toEqual([view('attract'), { type: 'simulator', state: { cards: [] } }, { type: 'door', view: { step: 'idle' } }]);
    peer.send(JSON.stringify({ type: 'reply', id: 1, result: { ok: true, value: 1 } }));
    await expect.poll(() => late.length).toBe(4);
    expect(late[3]).toMatchObject({ type: 'reply', id: 1 });
  });

  it('a listener that stops itself on its first message (main.tsx) gets one, and one that throws keeps nothing from the others', async () => {
    const end = await kioskEnd();
    const bridge = new WebSocketBridge(end.url, 't');
    const peer = await end.peer;
    const screen: MainMessage[] = [];
    bridge.onMessage((m) => screen.push(m));
    peer.send(JSON.stringify(view('attract')));
    await expect.poll(() => screen.length).toBe(1);

    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    let firstOnly = 0;
    const stop = bridge.onMessage(() => {
      firstOnly++;
      stop();
    });
    bridge.onMessage(() => {
      throw new Error('a broken listener');
    });
    const after: MainMessage[] = [];
    bridge.onMessage((m) => after.push(m));
    await Promise.resolve();
    peer.send(JSON.stringify(view('identify')));
    await expect.poll(() => after.map((m) => (m.type === 'view' ? m.view.screen : m.type))).toEqual(['attract', 'identify']);
    expect(firstOnly).toBe(1);
    expect(screen.at(-1)).toEqual(view('identify'));
    // The broken listener's fault is said on the console, once per message it was given.
    expect(logged.mock.calls.map((c) => c[0])).toEqual(['a bridge listener failed:', 'a bridge listener failed:']);
    logged.mockRestore();
  });
});
