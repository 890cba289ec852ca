#!/usr/bin/env node
// The `openbranch` command. It runs the compiled CLI in dist/ (`npm run build`,
// which `npm start` and `npm test` run first); the TypeScript sources are never
// compiled at run time.
const cli = new URL('../../dist/main/cli/index.js', import.meta.url);
let main;
try {
  ({ main } = await import(cli.href));
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes(cli.pathname)) throw e;
  console.error('openbranch: not built yet (no dist/main/cli/index.js); run `npm run build` in the package folder first');
  process.exit(2);
}
const code = await main(process.argv);
// A failed command stops here, even if something it started (a server, a timer) would keep Node running.
if (code !== 0) process.exit(code);
process.exitCode = code;
