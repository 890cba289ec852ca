import { useEffect } from 'react';
import { WedgeDetector } from '../../../shared/input/wedge-detector.ts';

/**
 * Keyboard-wedge card readers can only type. Their fast, even burst of
 * keys ending in Enter becomes one card number; a person typing is too
 * slow to be taken for a reader. Keys that form a card read are swallowed
 * so they never land in a text field.
 */
export function useWedgeCapture(onCard: (number: string) => void, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const detector = new WedgeDetector();
    const onKey = (e: KeyboardEvent) => {
      const result = detector.feed(e.key, e.timeStamp);
      if (result.type === 'card') {
        e.preventDefault();
        onCard(result.number);
      } else if (result.type === 'pending' && e.target instanceof HTMLInputElement === false) {
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [onCard, enabled]);
}
