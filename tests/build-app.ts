/**
 * Global setup of vitest and Playwright: the CLI, start-up and end-to-end
 * tests run the compiled kiosk (`openbranch ...` from dist/) and load the
 * built renderer, so both are built from the current sources first, as
 * `npm run build` does (a few seconds), and a test never runs a stale build.
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import { compile } from '../resources/build/compile.mjs';

const root = resolve(import.meta.dirname, '..');

export default async function buildApp(): Promise<void> {
  await compile();
  await build({ configFile: resolve(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}
