import { useTranslation } from 'react-i18next';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Large on-screen digit pad for card numbers and PINs (the physical keypad's digits press these buttons). */
export function Keypad({ onDigit, onBackspace, onClear }: { onDigit: (d: string) => void; onBackspace: () => void; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="keypad" data-entry>
      <p className="visually-hidden">{t('keypad.keysHint')}</p>
      {KEYS.map((d) => (
        <button
          key={d}
          type="button"
          className="key"
          data-speak="skip"
          data-key={d}
          aria-label={t('keypad.digit', { digit: d })}
          onClick={() => onDigit(d)}
        >
          {d}
        </button>
      ))}
      <button type="button" className="key key-aux" data-speak="skip" data-key="clear" onClick={onClear}>
        {t('keypad.clear')}
      </button>
      <button
        type="button"
        className="key"
        data-speak="skip"
        data-key="0"
        aria-label={t('keypad.digit', { digit: '0' })}
        onClick={() => onDigit('0')}
      >
        0
      </button>
      <button
        type="button"
        className="key key-aux"
        data-speak="skip"
        data-key="backspace"
        aria-label={t('keypad.backspace')}
        onClick={onBackspace}
      >
        ⌫
      </button>
    </div>
  );
}
