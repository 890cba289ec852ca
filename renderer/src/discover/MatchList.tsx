import { useTranslation } from 'react-i18next';
import type { DiscoverData } from '../../../shared/contract/discover-view.ts';
import { useKiosk } from '../kiosk-context.tsx';
import { explain } from './discover-data.ts';
import { QrCode } from './QrCode.tsx';

/** The ranked matches: why each one, where it is (the shelf here, other branches, e-media), and what to do. */
export function MatchList({ data }: { data: DiscoverData }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const word = (key: string, values?: Record<string, string>) => t(key, values ?? {});
  if (data.matches.length === 0) return <p className="hint">{t('discover.none')}</p>;
  return (
    <ul className="item-lines discover-matches">
      {data.matches.map((m) => (
        <li
          key={m.id}
          className={`item-line discover-match group-${m.group}`}
          data-record={m.id}
          data-group={m.group}
          data-format={m.format}
          data-language={m.language ?? ''}
          data-genres={m.genres.join('|')}
        >
          <div className="item-text">
            <strong>{m.title}</strong>
            <span>{[m.author, m.year].filter(Boolean).join(', ')}</span>
            <span className="discover-why">{explain(m.reasons, word)}</span>
            <span className="item-status">
              {m.group === 'here' && (m.shelf ? t('discover.here', { shelf: m.shelf }) : t('discover.hereNoShelf'))}
              {m.group === 'reserve' &&
                (m.branches.length ? t('discover.elsewhere', { branches: m.branches.join(', ') }) : t('discover.onLoan'))}
              {m.group === 'emedia' && t('discover.emedia')}
              {m.group === 'none' && t('discover.noCopy')}
            </span>
          </div>
          {(m.group === 'here' || m.group === 'reserve') && (
            <button
              type="button"
              className="primary"
              disabled={!data.canReserve}
              onClick={() => send({ type: 'discover.reserve', recordId: m.id })}
            >
              {t('discover.reserve')}
            </button>
          )}
          {m.group === 'emedia' && m.emediaUrl && <QrCode text={m.emediaUrl} label={t('discover.emedia')} size={150} />}
        </li>
      ))}
    </ul>
  );
}
