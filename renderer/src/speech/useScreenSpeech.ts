import { type RefObject, useEffect, useRef } from 'react';
import type { Language } from '../../../shared/i18n/languages.ts';
import { controls, readable } from './readable.ts';
import { speaker } from './speaker.ts';

/** What announces a change: item lines, alerts, status lines, dialogs. */
const LIVE = '[data-announce] > li, [role="alert"], [role="status"], [role="alertdialog"]';
/** Lines still under way are not worth a word; their outcome is. */
const UNDER_WAY = new Set(['waiting', 'processing']);

/**
 * Speech output of a screen and of every change on it, while the patron has
 * speech on: a new screen is read from the top (interrupting what was being
 * said), then how many choices it has; after that each change is said once
 * as it appears: an item's result, an error, the idle warning. Elements
 * marked data-speak="once" (a countdown) are said when they appear, not at
 * each tick.
 */
export function useScreenSpeech(
  root: RefObject<HTMLElement | null>,
  enabled: boolean,
  language: Language,
  screenKey: string,
  words: { readonly choices: (count: number) => string; readonly on: string; readonly off: string },
): void {
  const said = useRef(new WeakMap<Element, string>());
  const wordsNow = useRef(words);
  wordsNow.current = words;
  const wasOn = useRef(enabled);
  /** The screen whose live elements are registered: changes are said only for the screen that has been read. */
  const readFor = useRef<string | undefined>(undefined);
  const showing = useRef(screenKey);
  showing.current = screenKey;

  // A new screen (or speech just turned on, or another language): read it all.
  useEffect(() => {
    const el = root.current;
    const justOn = enabled && !wasOn.current;
    if (!enabled && wasOn.current) speaker().say(wordsNow.current.off, language, true);
    wasOn.current = enabled;
    if (!enabled || !el) return;
    const known = new WeakMap<Element, string>();
    for (const live of el.querySelectorAll(LIVE)) known.set(live, readable(live));
    said.current = known;
    readFor.current = screenKey;
    const notices = [...el.querySelectorAll('.notice')].map(readable);
    const main = el.querySelector('main');
    const help = justOn ? [wordsNow.current.on] : [];
    const text = [...help, ...notices, main ? readable(main) : '', wordsNow.current.choices(controls(el).length)].join(' ');
    speaker().say(text, language, true);
  }, [root, enabled, language, screenKey]);

  // Changes: said once each, in the order they happen. Attached again for each screen (screenKey):
  // the root exists only once the first view has come.
  // biome-ignore lint/correctness/useExhaustiveDependencies: screenKey re-attaches the observer to the new screen's root
  useEffect(() => {
    const el = root.current;
    if (!enabled || !el) return;
    const observer = new MutationObserver(() => {
      if (readFor.current !== showing.current) return;
      for (const live of el.querySelectorAll<HTMLElement>(LIVE)) {
        if (UNDER_WAY.has(live.dataset.status ?? '')) continue;
        const text = readable(live);
        const before = said.current.get(live);
        if (before === text || (before !== undefined && live.closest('[data-speak="once"]'))) continue;
        said.current.set(live, text);
        speaker().say(text, language);
      }
    });
    observer.observe(el, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-status'] });
    return () => observer.disconnect();
  }, [root, enabled, language, screenKey]);
}
