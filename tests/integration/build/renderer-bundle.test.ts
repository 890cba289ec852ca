import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNK_REPORT, type ChunkReport } from '../../../resources/build/chunk-report.ts';
import { LANGUAGES } from '../../../shared/i18n/languages.ts';
import { repoRoot } from '../../support/cli.ts';

/** Which sources the built page's files hold (written by the renderer build, which the test setup runs first). */
const report = JSON.parse(readFileSync(join(repoRoot, 'dist', 'renderer', CHUNK_REPORT), 'utf8')) as ChunkReport;
const files = Object.keys(report);
const holding = (source: string) => files.filter((f) => report[f]!.modules.includes(source));

/** A file and every file it imports statically, transitively: what the browser fetches before the code in it runs. */
function withImports(start: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const i of report[f]?.imports ?? []) visit(i);
  };
  for (const f of start) visit(f);
  return seen;
}

const entry = files.filter((f) => report[f]!.isEntry);
// The patron kiosk's page: the entry, the two files main.tsx loads for the kiosk route, and the branch's first words.
const patronPage = withImports([...entry, ...holding('renderer/src/App.tsx'), ...holding('renderer/src/kiosk-context.tsx')]);
const sources = (set: Set<string>) => [...set].flatMap((f) => report[f]!.modules);

describe('the built patron page loads only what its first screen needs', () => {
  it('has one entry, and the kiosk screens in files of their own', () => {
    expect(entry).toHaveLength(1);
    expect(holding('renderer/src/App.tsx')).toHaveLength(1);
  });

  it('carries no schema library: zod is in no file of the renderer', () => {
    const zod = files.filter((f) => report[f]!.modules.some((m) => m.startsWith('node_modules/zod/')));
    expect(zod).toEqual([]);
  });

  it('holds each language’s words in a file of its own, and none of them among the files the first screen waits for', () => {
    for (const language of LANGUAGES) {
      const [file, ...more] = holding(`shared/i18n/${language}.ts`);
      expect(more, language).toEqual([]);
      expect(report[file!]!.modules.filter((m) => /^shared\/i18n\/(sv|en|fi|ar)\.ts$/.test(m))).toEqual([`shared/i18n/${language}.ts`]);
      expect(patronPage.has(file!), `${language} words fetched before the first screen`).toBe(false);
    }
  });

  it('names in its HTML every file the first screen needs (one round of requests), the first language’s words but no other', () => {
    const html = readFileSync(join(repoRoot, 'dist', 'renderer', 'index.html'), 'utf8');
    const named = new Set([...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!));
    for (const file of [...patronPage, ...holding('shared/i18n/sv.ts')]) expect(named, file).toContain(file);
    for (const language of ['en', 'fi', 'ar']) expect(named).not.toContain(holding(`shared/i18n/${language}.ts`)[0]);
  });

  it('leaves the technician screen, the simulator panel and the door terminal out of the patron page', () => {
    const loaded = sources(patronPage);
    for (const screen of ['technician/TechnicianScreen.tsx', 'simulator/SimulatorPanel.tsx', 'door/DoorTerminal.tsx'])
      expect(loaded, screen).not.toContain(`renderer/src/${screen}`);
  });
});
