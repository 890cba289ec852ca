import { useTranslation } from 'react-i18next';
import { CardNumberEntry } from '../components/CardNumberEntry.tsx';

/** Card scan or typed card number. */
export function IdentifyScreen() {
  const { t } = useTranslation();
  return (
    <main className="screen identify">
      <h1>{t('identify.title')}</h1>
      <p className="hint">{t('identify.hint')}</p>
      <CardNumberEntry back={{ type: 'ui.cancel' }} backLabel={t('common.cancel')} />
    </main>
  );
}
