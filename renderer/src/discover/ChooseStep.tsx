import { useTranslation } from 'react-i18next';
import type { DiscoverData } from '../../../shared/contract/discover-view.ts';
import { useKiosk } from '../kiosk-context.tsx';
import { EventButton } from './EventButton.tsx';
import { Tick } from './Tick.tsx';

type Facet = 'genre' | 'format' | 'language' | 'age';
const FACETS: readonly Facet[] = ['genre', 'format', 'language', 'age'];

/** A few large choices per question; touching one again takes it back. */
export function ChooseStep({ data }: { data: DiscoverData }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const p = data.prefs;
  const nothingChosen = p.genre.length + p.format.length + p.language.length + p.age.length === 0 && !p.like;
  return (
    <>
      <p className="hint">{t('discover.intro')}</p>
      {FACETS.map((facet) => (
        <fieldset key={facet} className="discover-facet">
          <legend>{t(`discover.facet.${facet}`)}</legend>
          {data.choices[facet].map((value) => {
            const on = data.prefs[facet].includes(value);
            return (
              <button
                key={value}
                type="button"
                className={`discover-choice${on ? ' chosen' : ''}`}
                aria-pressed={on}
                onClick={() => send({ type: 'discover.toggle', facet, value })}
              >
                {on && <Tick />}
                {t(`discover.${facet}.${value}`)}
              </button>
            );
          })}
        </fieldset>
      ))}
      {data.likeOptions.length > 0 && (
        <fieldset className="discover-facet">
          <legend>{t('discover.facet.like')}</legend>
          {data.likeOptions.map((o) => (
            <button
              key={o.itemId}
              type="button"
              className={`discover-choice${data.prefs.like === o.itemId ? ' chosen' : ''}`}
              aria-pressed={data.prefs.like === o.itemId}
              onClick={() => send({ type: 'discover.like', itemId: o.itemId })}
            >
              {data.prefs.like === o.itemId && <Tick />}
              {o.title}
            </button>
          ))}
        </fieldset>
      )}
      {data.error && (
        <p role="alert" className="error-text">
          {t(`discover.error.${data.error}`, { defaultValue: t('error.generic') })}
        </p>
      )}
      <div className="actions">
        <EventButton kind="secondary" event={{ type: 'discover.back' }}>
          {t('common.back')}
        </EventButton>
        <EventButton kind="primary" event={{ type: 'discover.search' }} disabled={nothingChosen}>
          {t('discover.show')}
        </EventButton>
      </div>
    </>
  );
}
