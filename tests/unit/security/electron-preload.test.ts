import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNEL } from '../../../shared/contract/bridge.ts';

// Checklist #3/#20 and ARCHITECTURE.md: the preload exposes one checked bridge through
// contextBridge, never ipcRenderer. The real preload source is compiled the
// way tsc emits it and run in a fresh context whose `require` knows only a
// fake 'electron', as in Electron's sandboxed preload.
const SOURCE = resolve(import.meta.dirname, '../../../main/hosts/electron/preload.cts');

type Handler = (...args: unknown[]) => void;

function loadPreload() {
  const exposed: Array<{ key: string; api: Record<string, unknown> }> = [];
  const sent: Array<{ channel: string; message: unknown }> = [];
  const listeners = new Map<string, Handler[]>();
  const required: string[] = [];
  const ipcRenderer = {
    send: (channel: string, message: unknown) => sent.push({ channel, message }),
    on: (channel: string, fn: Handler) => listeners.set(channel, [...(listeners.get(channel) ?? []), fn]),
    removeListener: (channel: string, fn: Handler) =>
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((f) => f !== fn),
      ),
    invoke: () => {
      throw new Error('invoke must not be used');
    },
  };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.push({ key, api }) },
    ipcRenderer,
  };
  const fakeRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  const js = ts.transpileModule(readFileSync(SOURCE, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const module = { exports: {} };
  runInNewContext(js, { require: fakeRequire, module, exports: module.exports, Object });
  const emit = (message: unknown) => {
    for (const fn of listeners.get(BRIDGE_CHANNEL) ?? []) fn({ sender: ipcRenderer, senderId: 0 }, message);
  };
  return { exposed, sent, listeners, required, emit };
}

describe('preload', () => {
  it('requires nothing but electron (self-contained for the sandbox)', () => {
    expect(loadPreload().required).toEqual(['electron']);
  });

  it('exposes exactly window.openbranch with send and onMessage, as functions', () => {
    const { exposed } = loadPreload();
    expect(exposed.map((e) => e.key)).toEqual(['openbranch']);
    const api = exposed[0]!.api;
    expect(Object.keys(api).sort()).toEqual(['onMessage', 'send']);
    expect(typeof api.send).toBe('function');
    expect(typeof api.onMessage).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends on the bridge channel and only objects', () => {
    const { exposed, sent } = loadPreload();
    const api = exposed[0]!.api as { send(m: unknown): void };
    api.send({ type: 'hello', protocol: 1 });
    api.send('raw string');
    api.send(null);
    expect(sent).toEqual([{ channel: BRIDGE_CHANNEL, message: { type: 'hello', protocol: 1 } }]);
  });

  it('hands listeners the message only, never the IPC event, and unsubscribes', () => {
    const { exposed, emit, listeners } = loadPreload();
    const api = exposed[0]!.api as { onMessage(fn: (...a: unknown[]) => void): () => void };
    const got: unknown[][] = [];
    const off = api.onMessage((...args) => got.push(args));
    emit({ type: 'view' });
    expect(got).toEqual([[{ type: 'view' }]]);
    off();
    emit({ type: 'view' });
    expect(got).toHaveLength(1);
    expect(listeners.get(BRIDGE_CHANNEL)).toEqual([]);
  });
});
