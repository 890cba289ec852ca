import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { chunkReport } from '../resources/build/chunk-report.ts';
import { patronPreload } from '../resources/build/patron-preload.ts';

// The renderer is built once into dist/renderer; both hosts serve that folder.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react(), chunkReport(), patronPreload()],
  build: {
    outDir: resolve(import.meta.dirname, '../dist/renderer'),
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome120',
    // No inline <script> or data: modules: the CSP allows 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
