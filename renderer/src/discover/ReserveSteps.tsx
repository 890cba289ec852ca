import { useTranslation } from 'react-i18next';
import type { DiscoverData } from '../../../shared/contract/discover-view.ts';
import { CardNumberEntry } from '../components/CardNumberEntry.tsx';
import { PinEntry } from '../components/PinEntry.tsx';
import { useKiosk } from '../kiosk-context.tsx';
import { DoneButton, EventButton } from './EventButton.tsx';
import { Tick } from './Tick.tsx';

/** Card number (or a scanned card) to reserve with; the same entry as the login. */
export function IdentifyStep({ data }: { data: DiscoverData }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  return (
    <>
      <h2>{t('discover.identifyTitle', { title: data.target?.title ?? '' })}</h2>
      <p className="hint">{t('discover.identifyHint')}</p>
      {data.error && (
        <p role="alert" className="error-text">
          {t(`reason.${data.error}`, { defaultValue: t('error.generic') })}
        </p>
      )}
      <CardNumberEntry
        onCard={(number) => send({ type: 'card.entered', number, source: 'keypad' })}
        onCancel={() => send({ type: 'discover.back' })}
        cancelLabel={t('common.back')}
      />
    </>
  );
}

/** PIN for the reservation. */
export function PinStep({ data }: { data: DiscoverData }) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t('pin.title')}</h2>
      <PinEntry error={data.error} back={{ type: 'discover.back' }} backLabel={t('common.back')} />
    </>
  );
}

/** The region's branches as large buttons, this one first and chosen. */
export function PickupStep({ data }: { data: DiscoverData }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const pickup = data.pickup;
  if (!pickup) return null;
  const chosen = pickup.branches.find((b) => b.code === pickup.selected)?.name ?? pickup.selected;
  return (
    <>
      <h2>{t('discover.pickupTitle')}</h2>
      <p className="hint">
        {data.target?.title} — {t('discover.pickupHint')}
      </p>
      <div className="discover-branches">
        {pickup.branches.map((b) => (
          <button
            key={b.code}
            type="button"
            aria-pressed={b.code === pickup.selected}
            className={`discover-choice${b.code === pickup.selected ? ' chosen' : ''}`}
            onClick={() => send({ type: 'discover.pickup', branch: b.code })}
          >
            {b.code === pickup.selected && <Tick />}
            {b.name}
          </button>
        ))}
      </div>
      <div className="actions">
        <EventButton kind="secondary" event={{ type: 'discover.back' }}>
          {t('common.back')}
        </EventButton>
        <button type="button" className="primary" disabled={data.step === 'reserving'} onClick={() => send({ type: 'discover.confirm' })}>
          {data.step === 'reserving' ? t('discover.reserving') : t('discover.confirm', { place: chosen })}
        </button>
      </div>
    </>
  );
}

/** Reserved (where to pick it up, place in the queue) or refused (why, as far as anyone knows). */
export function OutcomeStep({ data }: { data: DiscoverData }) {
  const { t } = useTranslation();
  const r = data.result;
  const ok = data.step === 'reserved';
  return (
    <>
      <div role={ok ? 'status' : 'alert'}>
        <h2>{ok ? t('discover.reservedTitle') : t('discover.refusedTitle')}</h2>
      </div>
      <p className="discover-outcome">
        <strong>{data.target?.title}</strong>
      </p>
      {ok && <p>{t('discover.reserved', { place: r?.pickupName ?? '' })}</p>}
      {ok && r?.queuePosition !== undefined && <p>{t('discover.queue', { position: r.queuePosition })}</p>}
      {!ok && (
        <p className="error-text">{t(`discover.refusal.${r?.refusal ?? 'unknown'}`, { defaultValue: t('discover.refusal.unknown') })}</p>
      )}
      <div className="actions">
        <EventButton kind="secondary" event={{ type: 'discover.back' }}>
          {t('discover.more')}
        </EventButton>
        <DoneButton />
      </div>
    </>
  );
}
