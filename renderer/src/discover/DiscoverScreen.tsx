import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../../shared/contract/view.ts';
import { ChooseStep } from './ChooseStep.tsx';
import { discoverData } from './discover-data.ts';
import { DoneButton, EventButton } from './EventButton.tsx';
import { MatchList } from './MatchList.tsx';
import { QrCode } from './QrCode.tsx';
import { IdentifyStep, OutcomeStep, PickupStep, PinStep } from './ReserveSteps.tsx';
import './discover.css';

/** "Tips för mig": choices, ranked matches, and reserving one for pick-up at any branch of the region. */
export function DiscoverScreen({ view }: { view: KioskView }) {
  const { t } = useTranslation();
  const data = discoverData(view);
  if (!data) return <main className="screen discover" />;
  const body = (() => {
    switch (data.step) {
      case 'choose':
        return <ChooseStep data={data} />;
      case 'searching':
        return <p className="hint">{t('discover.searching')}</p>;
      case 'identify':
      case 'checking':
        return <IdentifyStep data={data} />;
      case 'pin':
        return <PinStep data={data} />;
      case 'pickup':
      case 'reserving':
        return <PickupStep data={data} />;
      case 'reserved':
      case 'refused':
        return <OutcomeStep data={data} />;
      case 'phone':
        return (
          <>
            <h2>{t('discover.phoneTitle')}</h2>
            {data.phoneText && (
              <div data-testid="phone-qr">
                <QrCode text={data.phoneText} label={t('discover.phoneTitle')} size={320} />
              </div>
            )}
            <p className="hint">{t('discover.phoneHint')}</p>
            <div className="actions">
              <EventButton kind="secondary" event={{ type: 'discover.back' }}>
                {t('common.back')}
              </EventButton>
            </div>
          </>
        );
      default:
        return (
          <>
            <h2>{t('discover.results')}</h2>
            {data.error && (
              <p role="alert" className="error-text">
                {t(`discover.error.${data.error}`, { defaultValue: t('error.generic') })}
              </p>
            )}
            {!data.canReserve && <p className="notice-inline">{t('discover.error.offline')}</p>}
            <MatchList data={data} />
            <div className="actions">
              <EventButton kind="secondary" event={{ type: 'discover.edit' }}>
                {t('discover.edit')}
              </EventButton>
              {data.phoneText && (
                <EventButton kind="secondary" event={{ type: 'discover.phone' }}>
                  {t('discover.phone')}
                </EventButton>
              )}
              <DoneButton />
            </div>
          </>
        );
    }
  })();
  return (
    <main className="screen discover" data-step={data.step}>
      <h1>{t('discover.title')}</h1>
      {body}
    </main>
  );
}
