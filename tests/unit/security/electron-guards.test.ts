import { describe, expect, it } from 'vitest';
import {
  type IpcSenderLike,
  isNavigationAllowed,
  isRequestAllowed,
  isTrustedSender,
  permissionDecision,
  windowOpenDecision,
} from '../../../main/hosts/electron/guards.ts';
import { APP_ENTRY_URL } from '../../../main/hosts/electron/origin.ts';

// Electron security checklist items #5 (only local content), #10 (permission
// requests), #13 (navigation), #14 (new windows), #17 (IPC sender validation).
describe('#13 navigation', () => {
  it('stays inside app://openbranch', () => {
    expect(isNavigationAllowed(APP_ENTRY_URL)).toBe(true);
    expect(isNavigationAllowed('app://openbranch/#/technician')).toBe(true);
  });
  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5390/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://openbranch.evil/index.html',
    'app://user:pw@openbranch/index.html',
    'app://openbranch:8080/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isNavigationAllowed(url)).toBe(false);
  });
});

describe('#14 new windows, #10 permissions', () => {
  it('denies every window.open', () => {
    expect(windowOpenDecision({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
    expect(windowOpenDecision({ url: 'https://example.org' })).toEqual({ action: 'deny' });
  });
  it.each(['media', 'geolocation', 'notifications', 'hid', 'serial', 'usb', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'denies %s',
    (permission) => {
      expect(permissionDecision(permission)).toBe(false);
    },
  );
});

describe('#5 no remote content', () => {
  it('lets the app scheme through, devtools only with --dev', () => {
    expect(isRequestAllowed('app://openbranch/assets/index.js', false)).toBe(true);
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', false)).toBe(false);
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', true)).toBe(true);
  });
  it.each([
    'https://cdn.example/x.js',
    'http://localhost:5173/',
    'ws://127.0.0.1:5390/bridge',
    'file:///etc/hosts',
    'blob:app://openbranch/1',
  ])('cancels %s', (url) => {
    expect(isRequestAllowed(url, false)).toBe(false);
    expect(isRequestAllowed(url, true)).toBe(false);
  });
});

describe('#17 IPC sender validation', () => {
  const WINDOW = 7;
  const event = (over: { id?: number; url?: string; parent?: unknown; frame?: null }): IpcSenderLike => ({
    sender: { id: over.id ?? WINDOW },
    senderFrame: over.frame === null ? null : { url: over.url ?? APP_ENTRY_URL, parent: over.parent ?? null },
  });

  it('accepts the kiosk window main frame at the app origin', () => {
    expect(isTrustedSender(event({}), WINDOW)).toBe(true);
  });
  it('refuses another web contents', () => {
    expect(isTrustedSender(event({ id: WINDOW + 1 }), WINDOW)).toBe(false);
  });
  it('refuses a subframe, even at the app origin', () => {
    expect(isTrustedSender(event({ parent: { url: APP_ENTRY_URL } }), WINDOW)).toBe(false);
  });
  it('refuses a foreign origin and a destroyed frame', () => {
    expect(isTrustedSender(event({ url: 'https://evil.example/' }), WINDOW)).toBe(false);
    expect(isTrustedSender(event({ url: 'file:///tmp/x.html' }), WINDOW)).toBe(false);
    expect(isTrustedSender(event({ frame: null }), WINDOW)).toBe(false);
  });
});
