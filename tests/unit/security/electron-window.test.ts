import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, contentSecurityPolicy, withSecurityHeaders } from '../../../main/hosts/electron/csp.ts';
import { kioskWindowOptions } from '../../../main/hosts/electron/window-options.ts';

// Electron security checklist: https://www.electronjs.org/docs/latest/tutorial/security
// (items are cited by number in each test name).
describe('kiosk window secure defaults (one function)', () => {
  const prod = kioskWindowOptions({ preload: '/opt/openbranch/preload.cjs', dev: false });
  const dev = kioskWindowOptions({ preload: '/opt/openbranch/preload.cjs', dev: true });

  it.each([prod, dev])('#2 no Node.js integration anywhere, #3 context isolation, #4 sandbox', (options) => {
    const wp = options.webPreferences ?? {};
    expect(wp.nodeIntegration).toBe(false);
    expect(wp.nodeIntegrationInWorker).toBe(false);
    expect(wp.nodeIntegrationInSubFrames).toBe(false);
    expect(wp.contextIsolation).toBe(true);
    expect(wp.sandbox).toBe(true);
  });

  it.each([prod, dev])('#6 webSecurity on, #8 no insecure content, #9 no experimental features, #11 no <webview>', (options) => {
    const wp = options.webPreferences ?? {};
    expect(wp.webSecurity).toBe(true);
    expect(wp.allowRunningInsecureContent).toBe(false);
    expect(wp.experimentalFeatures).toBe(false);
    expect(wp).not.toHaveProperty('enableBlinkFeatures');
    expect(wp.webviewTag).toBe(false);
    expect(wp.navigateOnDragDrop).toBe(false);
  });

  it('devtools only with --dev; kiosk mode without it', () => {
    expect(prod.webPreferences?.devTools).toBe(false);
    expect(prod.kiosk).toBe(true);
    expect(dev.webPreferences?.devTools).toBe(true);
    expect(dev.kiosk).toBe(false);
  });

  it('loads the given preload and nothing else from Node', () => {
    expect(prod.webPreferences?.preload).toBe('/opt/openbranch/preload.cjs');
    expect(Object.keys(prod.webPreferences ?? {}).filter((k) => /node|require|remote/i.test(k))).toEqual([
      'nodeIntegration',
      'nodeIntegrationInWorker',
      'nodeIntegrationInSubFrames',
    ]);
  });
});

describe('#7 Content-Security-Policy', () => {
  const csp = contentSecurityPolicy();
  const directive = (name: string) =>
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .find(([n]) => n === name)
      ?.slice(1);

  it('denies by default and allows only the app itself', () => {
    expect(directive('default-src')).toEqual(["'none'"]);
    expect(directive('script-src')).toEqual(["'self'"]);
    expect(directive('object-src')).toEqual(["'none'"]);
    expect(directive('base-uri')).toEqual(["'none'"]);
    expect(directive('frame-ancestors')).toEqual(["'none'"]);
    expect(directive('form-action')).toEqual(["'none'"]);
  });

  it('has no inline script, no eval and no remote host in any directive', () => {
    for (const sources of Object.values(CSP_DIRECTIVES)) {
      for (const source of sources) {
        expect(source).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|unsafe-hashes|\*|https?:|wss?:|blob:|file:/);
      }
    }
  });

  it('replaces whatever CSP a response brought with ours', () => {
    const merged = withSecurityHeaders({ 'content-security-policy': ["default-src *; script-src 'unsafe-inline'"], 'X-Other': ['1'] });
    expect(merged['Content-Security-Policy']).toEqual([csp]);
    expect(merged['content-security-policy']).toBeUndefined();
    expect(merged['X-Other']).toEqual(['1']);
    expect(merged['X-Content-Type-Options']).toEqual(['nosniff']);
  });
});
