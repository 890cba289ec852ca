import { type RefObject, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiEvent } from '../../../shared/contract/ui-events.ts';
import type { KioskView } from '../../../shared/contract/view.ts';
import { defaultPrefs } from '../display.ts';
import { useHeadsetSpeech } from './useHeadsetSpeech.ts';
import { useKeypadNavigation } from './useKeypadNavigation.ts';
import { useScreenSpeech } from './useScreenSpeech.ts';

/**
 * The kiosk without sight and without the touch screen: speech output of
 * every screen and change (when the patron turns it on with * or a
 * headset), and the keypad moving through the controls. Every key press is
 * activity, like a touch.
 */
export function useAccessibleKiosk(root: RefObject<HTMLElement | null>, view: KioskView | undefined, send: (e: UiEvent) => void): void {
  const { t } = useTranslation();
  const speech = (view?.prefs ?? defaultPrefs).speech;
  const language = view?.language ?? 'sv';
  const data = view?.data as { receiptDone?: string; finished?: boolean } | undefined;
  const screenKey = `${view?.screen}|${data?.receiptDone ?? ''}|${data?.finished ?? ''}`;
  useScreenSpeech(root, speech, language, screenKey, {
    choices: (count) => t('display.choices', { count }),
    on: t('display.speechOn'),
    off: t('display.speechOff'),
  });
  const position = useCallback((name: string, at: number, total: number) => t('display.position', { name, position: at, total }), [t]);
  const setSpeech = useCallback((on: boolean) => send({ type: 'ui.speech', on }), [send]);
  const toggleSpeech = useCallback(() => setSpeech(!speech), [setSpeech, speech]);
  const activity = useCallback(() => {
    if (view && view.screen !== 'attract') send({ type: 'ui.touch' });
  }, [view, send]);
  useKeypadNavigation(root, { speech, language, position, toggleSpeech, activity });
  useHeadsetSpeech(setSpeech);
}
