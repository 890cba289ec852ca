/**
 * Playwright global setup: the end-to-end tests start the compiled kiosk
 * (`openbranch start --web` from dist/) and load the built renderer, so both
 * are built from the current sources first, as `npm run build` does.
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import { compile } from '../../resources/build/compile.mjs';

const root = resolve(import.meta.dirname, '../..');

export default async function buildApp(): Promise<void> {
  await compile();
  await build({ configFile: resolve(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}
