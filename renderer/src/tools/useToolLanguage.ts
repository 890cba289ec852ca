import { useEffect, useState } from 'react';
import { isLanguage, type Language } from '../../../shared/i18n/languages.ts';
import { applyLanguage } from '../i18n.ts';

/**
 * A tool screen's language: the one chosen on this device before (kept in
 * localStorage under `key`), else the branch's default once it is known.
 * Sets the page's lang and direction, so screen readers and Arabic
 * layout follow.
 */
export function useToolLanguage(key: string, branchDefault: string | undefined): [Language | undefined, (language: string) => void] {
  const [chosen, setChosen] = useState(() => {
    const stored = globalThis.localStorage?.getItem(key);
    return isLanguage(stored) ? stored : undefined;
  });
  const language = chosen ?? (isLanguage(branchDefault) ? branchDefault : undefined);
  useEffect(() => {
    if (language) applyLanguage(language);
  }, [language]);
  const choose = (next: string) => {
    if (!isLanguage(next)) return;
    globalThis.localStorage?.setItem(key, next);
    setChosen(next);
  };
  return [language, choose];
}
