#!/usr/bin/env node
// Entry point of the `openbranch` command. Sources are TypeScript; tsx's
// loader compiles them on the fly (packaged Electron builds use compiled JS).
import { register } from 'tsx/esm/api';

register();
const args = process.argv.slice(2);
if (args[0] === '--bench' || args[0] === '--script') {
  // npm run bench / package: run a TypeScript script with the same loader.
  const { pathToFileURL } = await import('node:url');
  const { resolve } = await import('node:path');
  process.argv.splice(2, 2);
  await import(pathToFileURL(resolve(args[1] ?? '')).href);
} else {
  const { main } = await import('./index.ts');
  process.exitCode = await main(process.argv);
}
