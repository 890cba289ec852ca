import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionBar } from './ActionBar.tsx';
import { Keypad } from './Keypad.tsx';

/**
 * A card number typed on the on-screen keypad (a card the reader cannot
 * read): the digits so far, the keypad ("Rensa" clears the digits), then
 * "Avbryt" (or `cancelLabel`) or "Fortsätt". Used by the kiosk, the door and reserving alike.
 */
export function CardNumberEntry({
  onCard,
  onCancel,
  cancelLabel,
}: {
  onCard: (number: string) => void;
  onCancel: () => void;
  cancelLabel?: string;
}) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  return (
    <>
      <label className="entry">
        <span>{t('identify.typeNumber')}</span>
        <output data-testid="card-entry" aria-live="polite" dir="ltr">
          {number}
        </output>
      </label>
      <Keypad
        onDigit={(d) => setNumber((n) => (n.length < 20 ? n + d : n))}
        onBackspace={() => setNumber((n) => n.slice(0, -1))}
        onClear={() => setNumber('')}
      />
      <ActionBar
        actions={[
          { label: cancelLabel ?? t('common.cancel'), onClick: onCancel },
          { label: t('identify.next'), primary: true, disabled: number.length === 0, onClick: () => onCard(number) },
        ]}
      />
    </>
  );
}
