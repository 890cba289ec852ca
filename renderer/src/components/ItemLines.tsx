import { useTranslation } from 'react-i18next';
import type { ItemLine } from '../../../shared/contract/session-view.ts';
import { useKiosk } from '../kiosk-context.tsx';
import { formatDate } from '../screens/session-data.ts';

export type ItemsKind = 'checkout' | 'return';

const SYMBOL: Record<ItemLine['status'], string> = {
  waiting: '…',
  processing: '⟳',
  done: '✓',
  refused: '✗',
  incomplete: '⚠',
  'see-staff': '⚠',
};

/** Refusals where the item keeps its alarm and must stay in the library. */
const KEEPS_ALARM = new Set(['refused', 'see-staff', 'incomplete']);

/**
 * One line per item on the pad: its title, what happened in a word, and
 * what to do next. Symbol and words, never colour alone. Whether staff are
 * in decides what a patron is told to do with an item that must stay.
 */
export function ItemLines({
  items,
  kind,
  language,
  staffed,
}: {
  items: readonly ItemLine[];
  kind: ItemsKind;
  language: string;
  staffed: boolean;
}) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const who = staffed ? 'staffed' : 'unstaffed';
  return (
    <ul className="item-lines" aria-live="polite" data-announce="lines">
      {items.map((item) => (
        <li key={item.key} className={`item-line item-${item.status}`} data-item={item.itemId} data-status={item.status}>
          <span className="item-symbol" aria-hidden="true">
            {SYMBOL[item.status]}
          </span>
          <div className="item-text">
            <ItemTitle item={item} />
            <strong className="item-status">{t(`item.${kind}.${item.status}`)}</strong>
            {details(item, kind).map(([key, values]) => (
              <span key={key} className="item-detail">
                {t(key, { ...values, date: formatDate(item.dueDate, language) })}
              </span>
            ))}
            {kind === 'checkout' && KEEPS_ALARM.has(item.status) && item.reason !== 'already-yours' && item.status !== 'incomplete' && (
              <span className="item-action" data-action="keep">
                {t(`item.keep.${who}`)}
              </span>
            )}
            {item.route && (
              <span className="item-action route" data-route={item.route.kind}>
                {t(`route.${item.route.kind}.${who}`, { destination: item.route.destination ?? '' })}
                {item.route.sortBin && ` ${t('route.bin', { bin: item.route.sortBin })}`}
              </span>
            )}
            {item.offline && <span className="item-detail item-offline">{t('item.offline')}</span>}
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

/** The title as the patron knows the item; its number only when the title cannot be had. */
export function ItemTitle({ item }: { item: { itemId: string; title?: string | undefined; titleUnknown?: boolean | undefined } }) {
  const { t } = useTranslation();
  if (item.title) return <span className="item-title">{item.title}</span>;
  return (
    <span className="item-title">
      {t(item.titleUnknown ? 'item.titleUnknown' : 'item.untitled')}{' '}
      <small dir="ltr" className="item-number">
        {t('item.number', { id: item.itemId })}
      </small>
    </span>
  );
}

/** Catalog keys (with values) of the detail lines under the status word. */
function details(item: ItemLine, kind: ItemsKind): [string, Record<string, string | number>][] {
  if (item.status === 'incomplete') return [['item.incomplete', { count: item.partsInSet ?? 0, present: item.partsPresent ?? 0 }]];
  if (item.status === 'done' && kind === 'checkout' && item.dueDate) return [['item.dueDate', {}]];
  if (item.reason && (item.status === 'refused' || item.status === 'see-staff')) return [[`reason.${item.reason}`, {}]];
  return [];
}

/** "2 av 4 lånade": shown once any item has an outcome. */
export function ItemsSummary({ items, kind }: { items: readonly ItemLine[]; kind: ItemsKind }) {
  const { t } = useTranslation();
  const settled = items.filter((l) => l.status !== 'waiting' && l.status !== 'processing');
  if (settled.length === 0) return null;
  const done = items.filter((l) => l.status === 'done').length;
  return (
    <p className="items-summary" data-testid="items-summary">
      {t(`${kind}.summary`, { done, total: items.length })}
    </p>
  );
}
