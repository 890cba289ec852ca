import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../../shared/contract/view.ts';
import { PinEntry } from '../components/PinEntry.tsx';
import { sessionData } from './session-data.ts';

/** PIN entry. */
export function PinScreen({ view }: { view: KioskView }) {
  const { t } = useTranslation();
  const { error, retryAt } = sessionData(view);
  return (
    <main className="screen pin">
      <h1>{t('pin.title')}</h1>
      <p className="hint">{t('pin.hint')}</p>
      <PinEntry error={error} retryAt={retryAt} back={{ type: 'ui.cancel' }} backLabel={t('common.cancel')} />
    </main>
  );
}
