import { type RefObject, useEffect } from 'react';
import type { Language } from '../../../shared/i18n/languages.ts';
import { controls, nameOf, readable } from './readable.ts';
import { speaker } from './speaker.ts';

/**
 * Everything without the touch screen, from a numeric keypad or a keyboard:
 * keypad 8/4 (or ↑/←, Shift+Tab) move to the previous control, 2/6 (or
 * ↓/→, Tab) to the next, in a fixed order (the screen's own controls, then
 * the top bar's); Enter activates; 5 (the key with the raised dot) goes to
 * the first control and reads the screen again; * turns speech on and off.
 * Where digits are typed (card number, PIN) the digit keys type, Enter
 * sends, Backspace erases one, Delete or the keypad's comma clears
 * ("Rensa") and Escape or the keypad's minus cancels ("Avbryt"). Keys are
 * known by their place, so Num Lock does not matter. The focused control is
 * said with its place: "Låna. 1 av 5."
 */
export function useKeypadNavigation(
  root: RefObject<HTMLElement | null>,
  o: {
    readonly speech: boolean;
    readonly language: Language;
    readonly position: (name: string, position: number, total: number) => string;
    readonly toggleSpeech: () => void;
    /** A key was pressed: someone is there (restarts the idle time limit). */
    readonly activity: () => void;
  },
): void {
  const { speech, language, position, toggleSpeech, activity } = o;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = root.current;
      if (!el || e.altKey || e.ctrlKey || e.metaKey) return;
      // A keyboard-wedge card reader's burst is taken by the wedge capture (it ends in a swallowed Enter);
      // a person's digits are only held back by it, so digits are still ours.
      if (e.defaultPrevented && !/^(Digit|Numpad)\d$/.test(e.code)) return;
      activity();
      const list = controls(el);
      const at = list.indexOf(document.activeElement as HTMLElement);
      const focus = (i: number) => {
        const target = list[(i + list.length) % list.length];
        if (!target) return;
        target.focus();
        if (speech) speaker().say(position(nameOf(target), list.indexOf(target) + 1, list.length), language, true);
      };
      const typing = el.querySelector('[data-entry]') !== null;
      // By the key's place, not its meaning: a numeric keypad with Num Lock off sends "End" for 1, "↓" for 2...
      const numpad = /^Numpad(\d)$/.exec(e.code)?.[1];
      const digit = numpad ?? /^Digit(\d)$/.exec(e.code)?.[1];
      const press = (selector: string) => el.querySelector<HTMLButtonElement>(selector)?.click();
      let handled = true;
      if (e.key === '*' || e.code === 'NumpadMultiply') toggleSpeech();
      else if (typing && digit) press(`[data-key="${digit}"]`);
      else if (typing && e.key === 'Backspace') press('[data-key="backspace"]');
      else if (typing && (e.key === 'Delete' || e.code === 'NumpadDecimal')) press('[data-key="clear"]');
      else if (typing && (e.key === 'Escape' || e.code === 'NumpadSubtract')) press('.action-bar .secondary');
      else if (e.key === 'Tab') focus(e.shiftKey ? at - 1 : at + 1);
      else if (numpad === '2' || numpad === '6' || e.key === 'ArrowDown' || e.key === 'ArrowRight') focus(at + 1);
      else if (numpad === '8' || numpad === '4' || e.key === 'ArrowUp' || e.key === 'ArrowLeft') focus(at - 1);
      else if (numpad === '5' || e.key === 'Home') {
        focus(0);
        const main = el.querySelector('main');
        if (speech && main) speaker().say(readable(main), language);
      } else if (e.key === 'Enter' || e.code === 'NumpadEnter' || e.key === ' ') {
        const current = document.activeElement as HTMLElement | null;
        const onControl = current !== null && list.includes(current);
        // Where digits are typed, Enter sends them (a digit key is pressed by its own key), unless "Avbryt" or "OK" has focus.
        if (typing && (!onControl || current.dataset.key !== undefined)) press('.action-bar .primary');
        else if (onControl) current.click();
        else handled = false;
      } else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [root, speech, language, position, toggleSpeech, activity]);
}
