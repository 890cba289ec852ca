import { useTranslation } from 'react-i18next';
import type { Screen } from '../../../shared/contract/view.ts';
import { ActionBar } from '../components/ActionBar.tsx';
import { useKiosk } from '../kiosk-context.tsx';

/** A screen whose flow is not composed in this install: says what it is and offers the way out. */
export function PlaceholderScreen({ screen }: { screen: Screen }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  return (
    <main className="screen">
      <h1>{t(`screen.${screen}`)}</h1>
      <ActionBar actions={[{ label: t('common.finish'), primary: true, onClick: () => send({ type: 'ui.cancel' }) }]} />
    </main>
  );
}
