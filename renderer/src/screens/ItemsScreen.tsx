import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../../shared/contract/view.ts';
import { ActionBar } from '../components/ActionBar.tsx';
import { ItemLines, ItemsSummary } from '../components/ItemLines.tsx';
import { useKiosk } from '../kiosk-context.tsx';
import { sessionData } from './session-data.ts';

/** Check-out and return share a layout: what to do, one line per item, how many went through, then "Klar". */
export function ItemsScreen({ view, kind }: { view: KioskView; kind: 'checkout' | 'return' }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const data = sessionData(view);
  const items = data.items ?? [];
  return (
    <main className={`screen items-screen ${kind}`}>
      <h1>{t(`screen.${kind}`)}</h1>
      <p className="hint">{items.length === 0 ? t(`${kind}.placeItems`) : t(`${kind}.more`)}</p>
      {data.offline && (
        <p className="notice-inline" role="status">
          {t(`${kind}.offline`)}
        </p>
      )}
      <ItemLines items={items} kind={kind} language={view.language} staffed={data.staffed ?? true} />
      <ItemsSummary items={items} kind={kind} />
      <ActionBar
        actions={[
          { label: t('common.done'), primary: true, onClick: () => send({ type: kind === 'checkout' ? 'checkout.done' : 'return.done' }) },
        ]}
      />
    </main>
  );
}
