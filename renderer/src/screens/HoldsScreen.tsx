import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../../shared/contract/view.ts';
import { ActionBar } from '../components/ActionBar.tsx';
import { TitleList } from '../components/TitleList.tsx';
import { useKiosk } from '../kiosk-context.tsx';
import { sessionData } from './session-data.ts';

/** Reservations: ready for pick-up here (take them from the hold shelf), and still on the way. */
export function HoldsScreen({ view }: { view: KioskView }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const data = sessionData(view);
  const rows = (holds: NonNullable<typeof data.holdsReady>, ready: boolean) =>
    holds.map((h, i) => ({
      key: `${ready}-${i}`,
      symbol: ready ? '★' : '…',
      className: ready ? 'item-done' : '',
      title: h.title ?? t('holds.untitled'),
      lines: !ready && h.pickupLocation ? [t('holds.pickupAt', { place: h.pickupLocation })] : [],
    }));
  const ready = data.holdsReady ?? [];
  const pending = data.holdsPending ?? [];
  return (
    <main className="screen holds">
      <h1>{t('screen.holds')}</h1>
      <h2>{t('holds.ready', { count: ready.length })}</h2>
      {ready.length > 0 && <p className="hint">{t('holds.readyHint')}</p>}
      <TitleList rows={rows(ready, true)} />
      <h2>{t('holds.pending', { count: pending.length })}</h2>
      <TitleList rows={rows(pending, false)} />
      <ActionBar
        actions={[
          { label: t('common.back'), onClick: () => send({ type: 'ui.back' }) },
          { label: t('common.finish'), primary: true, onClick: () => send({ type: 'session.end' }) },
        ]}
      />
    </main>
  );
}
