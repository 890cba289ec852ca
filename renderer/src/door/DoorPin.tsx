import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoorEvent, DoorView } from '../../../shared/contract/door-view.ts';
import { ActionBar } from '../components/ActionBar.tsx';
import { Keypad } from '../components/Keypad.tsx';
import { playCue } from '../sound/player.ts';

/** Seconds before the PIN time limit that the screen starts to warn (with a sound) and offers more time. */
const WARN_SECONDS = 10;

/**
 * The PIN at the door: digits go to main one by one (only their count comes
 * back). "Rensa" clears the digits, "Avbryt" ends the attempt. Near the time
 * limit the screen says so, sounds once, and offers more time.
 */
export function DoorPin({ view, send, sounds }: { view: DoorView; send: (e: DoorEvent) => void; sounds: boolean }) {
  const { t } = useTranslation();
  const left = useSecondsLeft(view.pinDeadline);
  const warn = left !== undefined && left <= WARN_SECONDS;
  useEffect(() => {
    if (warn && sounds) playCue('attention');
  }, [warn, sounds]);
  return (
    <>
      <h1>{t('pin.title')}</h1>
      <output className="pin-dots" aria-label={t('pin.entered', { count: view.pinLength })}>
        {'●'.repeat(view.pinLength)}
      </output>
      {warn && (
        <div className="notice-inline" role="alert" data-testid="pin-countdown">
          <p>{t('door.pinTimeout', { seconds: left })}</p>
          <button type="button" className="secondary" onClick={() => send({ type: 'door.more' })}>
            {t('door.moreTime')}
          </button>
        </div>
      )}
      <Keypad
        onDigit={(digit) => send({ type: 'door.digit', digit })}
        onBackspace={() => send({ type: 'door.erase' })}
        onClear={() => send({ type: 'door.clear' })}
      />
      <ActionBar
        actions={[
          { label: t('common.cancel'), onClick: () => send({ type: 'door.cancel' }) },
          { label: t('pin.ok'), primary: true, onClick: () => send({ type: 'door.submit' }) },
        ]}
      />
    </>
  );
}

/** Whole seconds until `deadline` (ISO), ticking once a second; undefined without one. */
function useSecondsLeft(deadline: string | undefined): number | undefined {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!deadline) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return deadline ? Math.max(0, Math.ceil((Date.parse(deadline) - now) / 1000)) : undefined;
}
