import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiEvent } from '../../../shared/contract/ui-events.ts';
import { useKiosk } from '../kiosk-context.tsx';
import { Keypad } from './Keypad.tsx';

/** A card number typed on the on-screen keypad (a scanned card needs no typing); `back` is what the cancel button sends. */
export function CardNumberEntry({ back, backLabel }: { back: UiEvent; backLabel: string }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const [number, setNumber] = useState('');
  return (
    <>
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
        <button type="button" className="secondary" onClick={() => send(back)}>
          {backLabel}
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
    </>
  );
}
