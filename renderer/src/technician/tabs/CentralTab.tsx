import { useTranslation } from 'react-i18next';
import { useTechnician } from '../technician-context.tsx';
import { Toolbar } from '../ui/Toolbar.tsx';
import { useRequest } from '../ui/useRequest.ts';

/** Where the kiosk's central system is, how the link is and what that means for patrons right now. */
export function CentralTab() {
  const { t } = useTranslation();
  const { format } = useTechnician();
  const status = useRequest('central.status', {});
  const s = status.value;
  return (
    <>
      <Toolbar onRefresh={status.reload} error={status.error} />
      {s && (
        <section aria-labelledby="central-title" className="facts">
          <h2 id="central-title">{t('technician.central.title')}</h2>
          <dl>
            <dt>{t('technician.central.field.health')}</dt>
            <dd data-testid="central-health">
              <span className={`badge health-${s.health}`}>{t(`technician.central.health.${s.health}`)}</span>
              <p>{t(`technician.central.healthHint.${s.health}`)}</p>
            </dd>
            <dt>{t('technician.central.field.host')}</dt>
            <dd>
              <code>{s.demo ? t('technician.central.demo', { host: s.host }) : s.host}</code>
            </dd>
            <dt>{t('technician.central.field.profile')}</dt>
            <dd>{t(`technician.central.profile.${s.profile}`, { defaultValue: s.profile })}</dd>
            <dt>{t('technician.central.field.roundTrip')}</dt>
            <dd>
              {s.lastRoundTripMs === undefined
                ? t('technician.central.noRoundTrip')
                : t('technician.central.roundTrip', { ms: format.number(s.lastRoundTripMs) })}
            </dd>
          </dl>
        </section>
      )}
    </>
  );
}
