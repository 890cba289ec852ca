import { useTranslation } from 'react-i18next';
import type { ItemLine } from '../../../shared/contract/session-view.ts';
import { useKiosk } from '../kiosk-context.tsx';
import { formatDate } from '../screens/session-data.ts';

const SYMBOL: Record<ItemLine['status'], string> = {
  waiting: '…',
  processing: '⟳',
  done: '✓',
  refused: '✗',
  incomplete: '⚠',
  'see-staff': '⚠',
};

/** One line per item on the pad: what happened, in words and a symbol (never colour alone). */
export function ItemLines({ items, language }: { items: readonly ItemLine[]; language: string }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  return (
    <ul className="item-lines" aria-live="polite">
      {items.map((item) => (
        <li key={item.key} className={`item-line item-${item.status}`} data-item={item.itemId} data-status={item.status}>
          <span className="item-symbol" aria-hidden="true">
            {SYMBOL[item.status]}
          </span>
          <div className="item-text">
            <strong>{item.title ?? item.itemId}</strong>
            <span className="item-status">
              {item.status === 'done' && item.dueDate
                ? t('item.dueDate', { date: formatDate(item.dueDate, language) })
                : item.status === 'incomplete'
                  ? t('item.incomplete', { count: item.partsInSet ?? 0, present: item.partsPresent ?? 0 })
                  : item.reason
                    ? t(`reason.${item.reason}`, { defaultValue: t(`item.status.${item.status}`) })
                    : t(`item.status.${item.status}`)}
            </span>
            {item.route && <RouteLine route={item.route} />}
            {item.offline && <span className="item-offline">{t('item.offline')}</span>}
          </div>
          {item.canRenew && (
            <button type="button" className="secondary" onClick={() => send({ type: 'loan.renew', itemId: item.itemId })}>
              {t('loans.renew')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

function RouteLine({ route }: { route: NonNullable<ItemLine['route']> }) {
  const { t } = useTranslation();
  return (
    <span className={`route route-${route.kind}`} data-route={route.kind}>
      {t(`route.${route.kind}`, { destination: route.destination ?? '', label: route.label ?? '' })}
      {route.sortBin && ` · ${t('route.bin', { bin: route.sortBin })}`}
    </span>
  );
}
