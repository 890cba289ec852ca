import { useTranslation } from 'react-i18next';
import { CardNumberEntry } from '../components/CardNumberEntry.tsx';
import { useKiosk } from '../kiosk-context.tsx';

/** Card scan or typed card number. */
export function IdentifyScreen() {
  const { t } = useTranslation();
  const { send } = useKiosk();
  return (
    <main className="screen identify">
      <h1>{t('identify.title')}</h1>
      <p className="hint">{t('identify.hint')}</p>
      <CardNumberEntry
        onCard={(number) => send({ type: 'card.entered', number, source: 'keypad' })}
        onCancel={() => send({ type: 'ui.cancel' })}
      />
    </main>
  );
}
