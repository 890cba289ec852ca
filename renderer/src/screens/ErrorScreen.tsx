import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../../shared/contract/view.ts';
import { ActionBar } from '../components/ActionBar.tsx';
import { ContactLine } from '../components/ContactLine.tsx';
import { useKiosk } from '../kiosk-context.tsx';
import { sessionData } from './session-data.ts';

export function ErrorScreen({ view }: { view: KioskView }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const { error, retryAt } = sessionData(view);
  return (
    <main className="screen error">
      <h1>{t('screen.error')}</h1>
      <p className="hint" role="alert">
        {error ? t(`reason.${error}`, { defaultValue: t('error.generic'), time: retryAt ?? '' }) : t('error.generic')}
      </p>
      <p className="hint">{t(error === 'offline' ? 'error.offlineNext' : 'error.next')}</p>
      <ContactLine contact={view.branch.contact} />
      <ActionBar actions={[{ label: t('common.finish'), primary: true, onClick: () => send({ type: 'ui.cancel' }) }]} />
    </main>
  );
}
