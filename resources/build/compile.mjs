// Compiles main/, devices/ and shared/ to JavaScript in dist/, the way they
// run in production: the `openbranch` command, `npm start`, the systemd units
// and the packaged app. esbuild bundles from the entry points (the command
// line, the Electron main process, the two child processes), following the imports, so a new file is
// picked up with no list to edit. Every dynamic import() becomes its own chunk
// (dist/chunks/): a command group, the kiosk core, the Electron host are loaded
// only when they run. Types are stripped, not checked (`npm run typecheck`
// does that); source maps sit next to each file.
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, 'dist');

/**
 * Started on their own: the command line, the Electron main process, the kiosk's catalogue harvest
 * and the embedded default's demo central system.
 */
export const ENTRY_POINTS = [
  'main/cli/index.ts',
  'main/hosts/electron/entry.ts',
  'main/catalog/harvest-child.ts',
  'main/central/demo/acs-child.ts',
];

/** The sandboxed renderer's preload: CommonJS, self-contained. */
export const PRELOAD = 'main/hosts/electron/preload.cts';

/**
 * Packages Node loads from node_modules at run time instead of from the
 * bundle: native addons (built for this machine, or for Electron's ABI when
 * packaging), pino's streams (pino-roll, loaded when the log files open; pino-pretty
 * and thread-stream for transports by name, which the kiosk does not use),
 * Electron itself, and ws's optional native helpers.
 */
export const EXTERNAL = [
  'better-sqlite3',
  'serialport',
  '@serialport/*',
  'node-hid',
  'pino-roll',
  'pino-pretty',
  'thread-stream',
  'electron',
  'bufferutil',
  'utf-8-validate',
];

/** Where an entry point's compiled file lands: main/cli/index.ts -> dist/main/cli/index.js. */
export const outputOf = (entry) => join('dist', entry.replace(/\.([cm]?)ts$/, '.$1js'));

const common = {
  absWorkingDir: root,
  outbase: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // Whitespace and comments out, syntax shortened, names kept (stack traces stay readable; the
  // source maps give the lines): less source held in memory, less to parse at every start.
  minifyWhitespace: true,
  minifySyntax: true,
  external: EXTERNAL,
  logLevel: 'warning',
};

export async function compile() {
  for (const part of ['main', 'devices', 'shared', 'chunks', 'meta.json']) rmSync(join(out, part), { recursive: true, force: true });
  const [app] = await Promise.all([
    build({
      ...common,
      entryPoints: ENTRY_POINTS,
      outdir: out,
      format: 'esm',
      splitting: true,
      entryNames: '[dir]/[name]',
      chunkNames: 'chunks/[name]-[hash]',
      metafile: true,
      // CommonJS packages in the bundle call require(); ES modules have none of their own.
      banner: { js: "import { createRequire as __obCreateRequire } from 'node:module'; const require = __obCreateRequire(import.meta.url);" },
    }),
    build({ ...common, entryPoints: [PRELOAD], outfile: join(root, outputOf(PRELOAD)), format: 'cjs' }),
  ]);
  // Which sources went into which file: tests read it to see what a command line loads.
  writeFileSync(join(out, 'meta.json'), JSON.stringify(app.metafile));
  return Object.keys(app.metafile.inputs).filter((f) => !f.startsWith('node_modules/')).length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const count = await compile();
  console.log(`compiled ${count} source files to dist/ in ${Math.round(performance.now() - started)} ms`);
}
