import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestClient } from '../bridge/request-client.ts';
import { Keypad } from '../components/Keypad.tsx';

/** The technician PIN on the on-screen keypad (the kiosk may have no keyboard); digits never shown. */
export function TechnicianLogin({ client, onLoggedIn }: { client: RequestClient; onLoggedIn: () => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [failed, setFailed] = useState<string>();
  const submit = async () => {
    const reply = await client.call('technician.login', { pin });
    setPin('');
    if (reply.ok && reply.value.ok) return onLoggedIn();
    const v = reply.ok ? reply.value : undefined;
    setFailed(
      v?.refused === 'busy'
        ? t('technician.loginBusy', { seconds: v.retryAfterSeconds ?? 60 })
        : v?.refused === 'connection-locked'
          ? t('technician.loginLocked')
          : t('technician.wrongPin'),
    );
  };
  return (
    <main className="tech-login">
      <h1>{t('technician.login')}</h1>
      <p>{t('technician.loginHint')}</p>
      <output className="pin-dots" aria-label={t('technician.pinLength', { count: pin.length })}>
        {'●'.repeat(pin.length)}
      </output>
      {failed && <p role="alert">{failed}</p>}
      <Keypad
        onDigit={(d) => setPin((p) => (p.length < 12 ? p + d : p))}
        onBackspace={() => setPin((p) => p.slice(0, -1))}
        onClear={() => setPin('')}
      />
      <button type="button" className="primary" disabled={pin.length < 4} onClick={() => void submit()}>
        {t('pin.ok')}
      </button>
    </main>
  );
}
