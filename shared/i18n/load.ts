import type { Catalog } from './en.ts';
import type { Language } from './languages.ts';

/**
 * One language's words, loaded when asked (each its own file in the built page): the patron page
 * fetches the branch's language before its first screen and the others only afterwards.
 */
export async function loadCatalog(language: Language): Promise<Catalog> {
  switch (language) {
    case 'sv':
      return (await import('./sv.ts')).sv;
    case 'en':
      return (await import('./en.ts')).en;
    case 'fi':
      return (await import('./fi.ts')).fi;
    case 'ar':
      return (await import('./ar.ts')).ar;
  }
}
