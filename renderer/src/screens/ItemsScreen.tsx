import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../../shared/contract/view.ts';
import { ItemLines } from '../components/ItemLines.tsx';
import { useKiosk } from '../kiosk-context.tsx';
import { sessionData } from './session-data.ts';

/** Check-out and return share a layout: instructions, one line per item, then "done". */
export function ItemsScreen({ view, kind }: { view: KioskView; kind: 'checkout' | 'return' }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const data = sessionData(view);
  const items = data.items ?? [];
  return (
    <main className={`screen items-screen ${kind}`}>
      <h1>{t(`screen.${kind}`)}</h1>
      <p className="hint">{items.length === 0 ? t(`${kind}.placeItems`) : t(`${kind}.more`)}</p>
      {data.offline && <p className="notice-inline">{t(`${kind}.offline`)}</p>}
      <ItemLines items={items} language={view.language} />
      <div className="actions">
        <button type="button" className="primary" onClick={() => send({ type: kind === 'checkout' ? 'checkout.done' : 'return.done' })}>
          {t('common.done')}
        </button>
      </div>
    </main>
  );
}
