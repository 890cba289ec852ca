import type { Language } from '../config/branch.ts';
import { type Catalog, en } from './en.ts';
import { sv } from './sv.ts';

export type { Catalog };
export const catalogs: Record<Language, Catalog> = { sv, en };

/** Looks up "a.b.c" in a catalog and fills {{values}}; unknown keys come back as the key (visible in tests). */
export function translate(language: Language, key: string, values: Record<string, string | number> = {}): string {
  let node: unknown = catalogs[language];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}
