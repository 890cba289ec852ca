import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from '../components/Keypad.tsx';
import { useKiosk } from '../kiosk-context.tsx';

/** Card scan or typed card number. */
export function IdentifyScreen() {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const [number, setNumber] = useState('');
  return (
    <main className="screen identify">
      <h1>{t('identify.title')}</h1>
      <p className="hint">{t('identify.hint')}</p>
      <label className="entry">
        <span>{t('identify.typeNumber')}</span>
        <output data-testid="card-entry" aria-live="polite">
          {number}
        </output>
      </label>
      <Keypad
        onDigit={(d) => setNumber((n) => (n.length < 20 ? n + d : n))}
        onBackspace={() => setNumber((n) => n.slice(0, -1))}
        onClear={() => setNumber('')}
      />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => send({ type: 'ui.cancel' })}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={number.length === 0}
          onClick={() => send({ type: 'card.entered', number, source: 'keypad' })}
        >
          {t('identify.next')}
        </button>
      </div>
    </main>
  );
}
