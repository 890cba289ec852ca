// Compiles main/, devices/ and shared/ to JavaScript in dist/ (one .js per
// source file, with source maps), the way they run in production: the
// `openbranch` command, `npm start`, the systemd units and the packaged app.
// Every .ts under those folders is compiled, so a new file needs no list.
// esbuild only strips types (fast: well under a second); `npm run typecheck`
// checks them. Relative imports are written with their .ts extension in the
// sources (tsconfig rewriteRelativeImportExtensions) and become .js here.
import { readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, 'dist');
const LAYERS = ['main', 'devices', 'shared'];

/** Every TypeScript source of the compiled layers (declaration files have no code). */
export function sourceFiles(base = root) {
  return LAYERS.flatMap((layer) =>
    readdirSync(join(base, layer), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|cts|mts)$/.test(e.name) && !/\.d\.[cm]?ts$/.test(e.name))
      .map((e) => relative(base, join(e.parentPath, e.name))),
  ).sort();
}

/** `./x.ts` -> `./x.js` (and .cts -> .cjs, .mts -> .mjs), as tsc's rewriteRelativeImportExtensions does. */
export const rewriteExtension = (specifier) => specifier.replace(/\.([cm]?)ts$/, '.$1js');

// Each file is its own entry and every import stays an import: relative ones
// get their compiled extension, packages are resolved by Node at run time.
const keepImports = {
  name: 'keep-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      return { path: args.path.startsWith('.') ? rewriteExtension(args.path) : args.path, external: true };
    });
  },
};

const common = {
  absWorkingDir: root,
  outbase: root,
  outdir: out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [keepImports],
};

export async function compile() {
  for (const layer of LAYERS) rmSync(join(out, layer), { recursive: true, force: true });
  const files = sourceFiles();
  const esm = files.filter((f) => !f.endsWith('.cts'));
  const cjs = files.filter((f) => f.endsWith('.cts'));
  await Promise.all([
    build({ ...common, entryPoints: esm, format: 'esm', outExtension: { '.js': '.js' } }),
    // The Electron preload: a sandboxed renderer can only require() CommonJS.
    build({ ...common, entryPoints: cjs, format: 'cjs', outExtension: { '.js': '.cjs' } }),
  ]);
  return files.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const count = await compile();
  console.log(`compiled ${count} files to dist/ in ${Math.round(performance.now() - started)} ms`);
}
