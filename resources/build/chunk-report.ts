import { relative, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Where the report lands in dist/renderer (a dot folder: the web host never serves it). */
export const CHUNK_REPORT = '.vite/chunks.json';

export interface ChunkReport {
  readonly [file: string]: {
    readonly isEntry: boolean;
    readonly imports: readonly string[];
    readonly dynamicImports: readonly string[];
    /** The sources and packages in this file, relative to the repository (node_modules/zod/...). */
    readonly modules: readonly string[];
  };
}

/**
 * Writes which sources went into which file of the built page, so a test can tell what the patron
 * page loads before its first screen (vite's own manifest names the files, not what is in them).
 */
export function chunkReport(): Plugin {
  const root = resolve(import.meta.dirname, '../..');
  return {
    name: 'openbranch-chunk-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const report: Record<string, ChunkReport[string]> = {};
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type !== 'chunk') continue;
        report[file] = {
          isEntry: out.isEntry,
          imports: out.imports,
          dynamicImports: out.dynamicImports,
          modules: out.moduleIds.filter((id) => !id.startsWith('\0')).map((id) => relative(root, id.split('?')[0]!)),
        };
      }
      this.emitFile({ type: 'asset', fileName: CHUNK_REPORT, source: JSON.stringify(report, null, 1) });
    },
  };
}
