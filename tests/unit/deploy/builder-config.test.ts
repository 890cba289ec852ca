import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENTRY_POINTS, outputOf, PRELOAD } from '../../../resources/build/compile.mjs';

// CI cannot download Electron, so electron-builder never runs here; this test
// reads electron-builder.yml itself and fails when the packaging config breaks.
const root = resolve(import.meta.dirname, '../../..');
interface Target {
  target: string;
  arch: string[];
}
interface BuilderConfig {
  electronVersion: string;
  npmRebuild: boolean;
  nodeGypRebuild: boolean;
  asar: boolean;
  asarUnpack: string[];
  files: string[];
  extraResources: Array<{ from: string; to: string }>;
  afterPack: string;
  electronFuses?: unknown;
  linux: { target: Target[] };
  win: { target: Target[] };
  deb: { afterInstall: string; depends: string[] };
}
interface PackageJson {
  main: string;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
}
const config = parse(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as PackageJson;

const targets = (platform: 'linux' | 'win') => config[platform].target.map((t) => `${t.target}:${[...t.arch].sort().join(',')}`).sort();

describe('electron-builder.yml', () => {
  it('builds AppImage and deb for x64 and arm64, NSIS for Windows x64', () => {
    expect(targets('linux')).toEqual(['AppImage:arm64,x64', 'deb:arm64,x64']);
    expect(targets('win')).toEqual(['nsis:x64']);
  });

  it('pins the Electron version of package.json and never rebuilds natives on its own', () => {
    expect(config.electronVersion).toBe(pkg.devDependencies.electron);
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(pkg.scripts.postinstall ?? '').not.toMatch(/install-app-deps|electron-rebuild/);
  });

  it.each(['serialport', '@serialport/bindings-cpp', 'node-hid', 'better-sqlite3'])('unpacks %s from the asar archive', (name) => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain(`node_modules/${name}/**`);
    expect(existsSync(resolve(root, 'node_modules', name, 'package.json'))).toBe(true);
  });

  it('unpacks every .node binary', () => {
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('ships the compiled app and the built renderer, no sources or source maps', () => {
    const files = config.files;
    expect(files).toContain('package.json');
    expect(files).toContain('dist/renderer/**/*');
    expect(files.some((f) => f.startsWith('dist/main/'))).toBe(true);
    expect(files.some((f) => f.endsWith('.cjs'))).toBe(true);
    expect(files).toContain('!**/*.map');
    expect(files.some((f) => f.startsWith('!') && f.includes('ts,tsx'))).toBe(true);
    expect(files.some((f) => /^(main|shared|devices|renderer)\//.test(f))).toBe(false);
  });

  it('the package entry is the compiled Electron entry, and the build emits it with the preload', () => {
    expect(ENTRY_POINTS).toContain('main/hosts/electron/entry.ts');
    expect(pkg.main).toBe(outputOf('main/hosts/electron/entry.ts'));
    expect(existsSync(resolve(root, pkg.main))).toBe(true);
    expect(outputOf(PRELOAD)).toBe(join('dist', 'main', 'hosts', 'electron', 'preload.cjs'));
    expect(existsSync(resolve(root, outputOf(PRELOAD)))).toBe(true);
  });

  it('ships every compiled chunk the entries load', () => {
    expect(config.files).toContain('dist/chunks/**/*.js');
  });

  it('runs the fuses hook after packing, and the hook exists', () => {
    expect(config.afterPack).toBe('./resources/build/after-pack.mjs');
    expect(existsSync(resolve(root, config.afterPack))).toBe(true);
    expect(config.electronFuses).toBeUndefined();
  });

  it('ships the deployment files and installs the udev rules from the deb', () => {
    const extra = config.extraResources.map((e) => e.from);
    expect(extra).toContain('resources/deploy');
    expect(existsSync(resolve(root, config.deb.afterInstall))).toBe(true);
    expect(config.deb.depends).toEqual(expect.arrayContaining(['libusb-1.0-0', 'libudev1']));
  });
});
