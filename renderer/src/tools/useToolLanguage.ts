import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogs } from '../../../shared/i18n/index.ts';

const RIGHT_TO_LEFT = new Set(['ar']);

/**
 * A tool screen's language: the one chosen on this device before (kept in
 * localStorage under `key`), else the branch's default once it is known.
 * Sets the page's lang and direction, so screen readers and Arabic
 * layout follow.
 */
export function useToolLanguage(key: string, branchDefault: string | undefined): [string | undefined, (language: string) => void] {
  const { i18n } = useTranslation();
  const [chosen, setChosen] = useState(() => {
    const stored = globalThis.localStorage?.getItem(key);
    return stored && stored in catalogs ? stored : undefined;
  });
  const language = chosen ?? branchDefault;
  useEffect(() => {
    if (!language) return;
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    document.documentElement.dir = RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr';
  }, [language, i18n]);
  const choose = (next: string) => {
    globalThis.localStorage?.setItem(key, next);
    setChosen(next);
  };
  return [language, choose];
}
