import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../../shared/contract/view.ts';
import { ActionBar } from '../components/ActionBar.tsx';
import { Keypad } from '../components/Keypad.tsx';
import { useKiosk } from '../kiosk-context.tsx';
import { sessionData } from './session-data.ts';

/** PIN entry. An empty PIN is refused here and again in main (Koha would accept it). */
export function PinScreen({ view }: { view: KioskView }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const [pin, setPin] = useState('');
  const [empty, setEmpty] = useState(false);
  const { error } = sessionData(view);
  const submit = () => {
    if (pin.length === 0) return setEmpty(true);
    send({ type: 'pin.entered', pin });
    setPin('');
  };
  return (
    <main className="screen pin">
      <h1>{t('pin.title')}</h1>
      <p className="hint">{t('pin.hint')}</p>
      <output className="pin-dots" data-testid="pin-dots" aria-label={t('pin.entered', { count: pin.length })}>
        {'●'.repeat(pin.length)}
      </output>
      {(empty || error) && (
        <p role="alert" className="error-text">
          {empty ? t('pin.empty') : t(`reason.${error}`, { defaultValue: t('error.generic') })}
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
      <ActionBar
        actions={[
          { label: t('common.cancel'), onClick: () => send({ type: 'ui.cancel' }) },
          { label: t('pin.ok'), primary: true, onClick: submit },
        ]}
      />
    </main>
  );
}
