import { useTranslation } from 'react-i18next';
import type { SessionPrefs, TextSize } from '../../../shared/contract/view.ts';
import { useKiosk } from '../kiosk-context.tsx';
import { SpeakerIcon } from './icons.tsx';

const NEXT_SIZE: Record<TextSize, TextSize> = { normal: 'large', large: 'largest', largest: 'normal' };

/** Bigger text (150 %, 200 %), high contrast and speech, for this session only. */
export function DisplayControls({ prefs }: { prefs: SessionPrefs }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  return (
    <fieldset className="display-controls" aria-label={t('display.label')}>
      <button
        type="button"
        className="chip"
        aria-pressed={prefs.textSize !== 'normal'}
        data-size={prefs.textSize}
        onClick={() => send({ type: 'ui.textSize', size: NEXT_SIZE[prefs.textSize] })}
      >
        <span aria-hidden="true">A+ </span>
        {t(`display.textSize.${prefs.textSize}`)}
      </button>
      <button
        type="button"
        className="chip"
        aria-pressed={prefs.contrast === 'high'}
        onClick={() => send({ type: 'ui.contrast', contrast: prefs.contrast === 'high' ? 'normal' : 'high' })}
      >
        <span aria-hidden="true">◐ </span>
        {t('display.contrast')}
      </button>
      <button type="button" className="chip" aria-pressed={prefs.speech} onClick={() => send({ type: 'ui.speech', on: !prefs.speech })}>
        <SpeakerIcon /> {t('display.speech')}
      </button>
    </fieldset>
  );
}
