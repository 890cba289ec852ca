import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNEL } from '../../../shared/contract/bridge.ts';
import type { KioskView } from '../../../shared/contract/view.ts';
import { silentLogger } from '../../../shared/logger.ts';

// The Electron binary cannot run here, so `electron` is replaced by a recorder
// of what the host registers; the host itself (main/hosts/electron/host.ts) is
// the real code. Each test then drives a recorded handler the way Electron would.
type Fn = (...args: never[]) => unknown;
const rec = vi.hoisted(() => ({
  windows: [] as Array<{ options: Record<string, unknown>; events: Map<string, Fn>; openHandler?: Fn; loaded?: string; sent: unknown[] }>,
  contentsEvents: new Map<string, Fn>(),
  ipc: new Map<string, Fn>(),
  session: {} as Record<string, Fn>,
  schemes: [] as unknown[],
  sandboxForced: false,
  switches: [] as string[],
  zoomLimits: undefined as [number, number] | undefined,
  blocker: 0,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const win = { options, events: new Map<string, Fn>(), sent: [] as unknown[] } as (typeof rec.windows)[number];
      rec.windows.push(win);
      this.webContents = {
        id: 42,
        on: (name: string, fn: Fn) => win.events.set(name, fn),
        send: (_channel: string, message: unknown) => win.sent.push(message),
        closeDevTools: () => {},
        setVisualZoomLevelLimits: async (min: number, max: number) => {
          rec.zoomLimits = [min, max];
        },
      };
    }
    once() {}
    isDestroyed() {
      return false;
    }
    destroy() {}
    async loadURL(url: string) {
      rec.windows.at(-1)!.loaded = url;
    }
  }
  const contents = {
    on: (name: string, fn: Fn) => rec.contentsEvents.set(name, fn),
    setWindowOpenHandler: (fn: Fn) => rec.contentsEvents.set('window-open', fn),
  };
  return {
    app: {
      enableSandbox: () => {
        rec.sandboxForced = true;
      },
      isReady: () => false,
      commandLine: { appendSwitch: (name: string) => rec.switches.push(name) },
      whenReady: async () => {},
      on: (name: string, fn: (e: unknown, c: unknown) => void) => {
        if (name === 'web-contents-created') fn({}, contents);
      },
    },
    BrowserWindow,
    ipcMain: { on: (ch: string, fn: Fn) => rec.ipc.set(ch, fn), removeListener: () => {} },
    powerSaveBlocker: { start: () => ++rec.blocker, stop: () => {} },
    protocol: { registerSchemesAsPrivileged: (s: unknown[]) => rec.schemes.push(...s) },
    session: {
      defaultSession: {
        protocol: { handle: (_scheme: string, fn: Fn) => (rec.session.handle = fn) },
        webRequest: {
          onBeforeRequest: (fn: Fn) => (rec.session.onBeforeRequest = fn),
          onHeadersReceived: (fn: Fn) => (rec.session.onHeadersReceived = fn),
        },
        setPermissionRequestHandler: (fn: Fn) => (rec.session.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Fn) => (rec.session.permissionCheck = fn),
        setDevicePermissionHandler: (fn: Fn) => (rec.session.devicePermission = fn),
        on: (name: string, fn: Fn) => (rec.session[name] = fn),
      },
    },
  };
});

const view: KioskView = {
  screen: 'attract',
  language: 'sv',
  branch: { id: 'b1', name: 'Filial' },
  central: 'online',
  sounds: true,
  devices: [],
  data: {},
};
const dispatched: unknown[] = [];
const core = { view: () => view, onView: () => () => {}, dispatch: (e: unknown) => dispatched.push(e) };

const root = mkdtempSync(join(tmpdir(), 'ob-host-'));
beforeAll(async () => {
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  const { startElectronHost } = await import('../../../main/hosts/electron/index.ts');
  await startElectronHost({ core, logger: silentLogger, dev: false, rendererDir: root, preloadPath: '/p/preload.cjs' });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ipcEvent = (url: string, parent: unknown = null, id = 42) => ({ sender: { id }, senderFrame: { url, parent } });

describe('Electron host wiring', () => {
  it('forces the sandbox, registers the app scheme and loads only app://openbranch', () => {
    expect(rec.sandboxForced).toBe(true);
    expect(rec.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(rec.windows[0]!.loaded).toBe('app://openbranch/index.html');
    expect((rec.windows[0]!.options.webPreferences as Record<string, unknown>).sandbox).toBe(true);
  });

  it('keeps a pinch on the shared touch screen from zooming the kiosk window (the page itself allows zoom)', () => {
    expect(rec.zoomLimits).toEqual([1, 1]);
  });

  it('lets Chromium speak through speech-dispatcher on Linux (speech output for patrons who cannot see the screen)', () => {
    expect(rec.switches).toContain('enable-speech-dispatcher');
  });

  it('denies navigation away, new windows and webviews', () => {
    const prevented: string[] = [];
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      rec.contentsEvents.get(name)!({ url: 'https://evil.example/', preventDefault: () => prevented.push(name) } as never);
      rec.contentsEvents.get(name)!({ url: 'app://openbranch/index.html', preventDefault: () => prevented.push(`${name}-own`) } as never);
    }
    rec.contentsEvents.get('will-attach-webview')!({ preventDefault: () => prevented.push('webview') } as never);
    expect(prevented).toEqual(['will-navigate', 'will-frame-navigate', 'will-redirect', 'webview']);
    expect(rec.contentsEvents.get('window-open')!({ url: 'https://x.example' } as never)).toEqual({ action: 'deny' });
  });

  it('denies permissions, device access and remote requests; adds the CSP to responses', () => {
    const answers: unknown[] = [];
    rec.session.permissionRequest!({} as never, 'media' as never, ((ok: boolean) => answers.push(ok)) as never);
    expect(answers).toEqual([false]);
    expect(rec.session.permissionCheck!({} as never, 'hid' as never)).toBe(false);
    expect(rec.session.devicePermission!()).toBe(false);
    rec.session.onBeforeRequest!({ url: 'https://cdn.example/x.js' } as never, ((r: unknown) => answers.push(r)) as never);
    rec.session.onBeforeRequest!({ url: 'app://openbranch/index.html' } as never, ((r: unknown) => answers.push(r)) as never);
    expect(answers.slice(1)).toEqual([{ cancel: true }, { cancel: false }]);
    rec.session.onHeadersReceived!(
      { responseHeaders: {} } as never,
      ((r: { responseHeaders: Record<string, string[]> }) =>
        answers.push(r.responseHeaders['Content-Security-Policy']?.[0]?.startsWith("default-src 'none'"))) as never,
    );
    expect(answers.at(-1)).toBe(true);
  });

  it('serves files with the CSP and refuses traversal through the protocol handler', async () => {
    const ok = (await rec.session.handle!({ url: 'app://openbranch/', method: 'GET' } as never)) as Response;
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'none'");
    const bad = (await rec.session.handle!({ url: 'app://openbranch/%2e%2e/etc/passwd', method: 'GET' } as never)) as Response;
    expect(bad.status).toBe(404);
  });

  it('passes bridge messages only from the trusted main frame to the hub', () => {
    const onIpc = rec.ipc.get(BRIDGE_CHANNEL)!;
    const win = rec.windows[0]!;
    onIpc(ipcEvent('https://evil.example/') as never, { type: 'hello', protocol: 1 } as never);
    onIpc(ipcEvent('app://openbranch/index.html', { url: 'x' }) as never, { type: 'hello', protocol: 1 } as never);
    onIpc(ipcEvent('app://openbranch/index.html', null, 99) as never, { type: 'hello', protocol: 1 } as never);
    expect(win.sent).toEqual([]);
    onIpc(ipcEvent('app://openbranch/index.html') as never, { type: 'hello', protocol: 1 } as never);
    expect(win.sent).toEqual([{ type: 'view', view }]);
  });

  it('keeps the screen awake', () => {
    expect(rec.blocker).toBe(1);
  });
});
