import type { Plugin } from 'vite';

/** The sources the patron kiosk's first screen waits for beyond the entry: its screens and the first language's words. */
export const PATRON_FIRST = ['renderer/src/App.tsx', 'renderer/src/kiosk-context.tsx', 'shared/i18n/sv.ts'];

/**
 * Lists the patron page's lazily loaded files in index.html as module preloads, so the browser asks
 * for everything the first screen needs in one go (the kiosk serves them before it builds its core)
 * rather than in three waves, each after the previous file has run.
 */
export function patronPreload(): Plugin {
  return {
    name: 'openbranch-patron-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const files = new Set<string>();
        const styles = new Set<string>();
        const add = (file: string) => {
          const chunk = ctx.bundle?.[file];
          if (chunk?.type !== 'chunk' || files.has(file)) return;
          files.add(file);
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
          for (const i of chunk.imports) add(i);
        };
        const first = (id: string | null) => id !== null && PATRON_FIRST.some((s) => id.endsWith(s));
        for (const out of Object.values(ctx.bundle ?? {}))
          if (out.type === 'chunk' && (first(out.facadeModuleId) || out.moduleIds.some(first))) add(out.fileName);
        const missing = (file: string) => !html.includes(`./${file}"`);
        return [
          ...[...files].filter(missing).map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          })),
          // Fetched now, applied only when the kiosk screens load (the technician page shares this HTML).
          ...[...styles].filter(missing).map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}
