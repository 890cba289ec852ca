import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiEvent } from '../../../shared/contract/ui-events.ts';
import { useKiosk } from '../kiosk-context.tsx';
import { ActionBar } from './ActionBar.tsx';
import { Keypad } from './Keypad.tsx';

/**
 * PIN dots (said as "3 siffror inslagna", never the digits), the error to
 * show, the keypad and OK. An empty PIN is refused here and again in main
 * (Koha would accept it). `back` is what the cancel button sends.
 */
export function PinEntry({
  error,
  retryAt,
  back,
  backLabel,
}: {
  error: string | undefined;
  /** When a locked card may try again ("HH:MM"), for the too-many-PINs message. */
  retryAt?: string | undefined;
  back: UiEvent;
  backLabel: string;
}) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const [pin, setPin] = useState('');
  const [empty, setEmpty] = useState(false);
  const submit = () => {
    if (pin.length === 0) return setEmpty(true);
    send({ type: 'pin.entered', pin });
    setPin('');
  };
  return (
    <>
      <output className="pin-dots" data-testid="pin-dots" aria-label={t('pin.entered', { count: pin.length })}>
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
      <ActionBar
        actions={[
          { label: backLabel, onClick: () => send(back) },
          { label: t('pin.ok'), primary: true, onClick: submit },
        ]}
      />
    </>
  );
}
