import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../../shared/contract/view.ts';
import { Keypad } from '../components/Keypad.tsx';
import { useKiosk } from '../kiosk-context.tsx';
import { sessionData } from './session-data.ts';

/** PIN entry. An empty PIN is refused here and again in main (Koha would accept it). */
export function PinScreen({ view }: { view: KioskView }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const [pin, setPin] = useState('');
  const [empty, setEmpty] = useState(false);
  const { error, retryAt } = sessionData(view);
  const submit = () => {
    if (pin.length === 0) return setEmpty(true);
    send({ type: 'pin.entered', pin });
    setPin('');
  };
  return (
    <main className="screen pin">
      <h1>{t('pin.title')}</h1>
      <p className="hint">{t('pin.hint')}</p>
      <output className="pin-dots" data-testid="pin-dots" aria-label={t('technician.pinLength', { count: pin.length })}>
        {'●'.repeat(pin.length)}
      </output>
      {(empty || error) && (
        <p role="alert" className="error-text">
          {empty ? t('pin.empty') : t(`reason.${error}`, { defaultValue: t('error.generic'), time: retryAt ?? '' })}
        </p>
      )}
      <Keypad
        onDigit={(d) => {
          setEmpty(false);
          setPin((p) => (p.length < 12 ? p + d : p));
        }}
        onBackspace={() => setPin((p) => p.slice(0, -1))}
        onClear={() => setPin('')}
      />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => send({ type: 'ui.cancel' })}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" onClick={submit}>
          {t('pin.ok')}
        </button>
      </div>
    </main>
  );
}
