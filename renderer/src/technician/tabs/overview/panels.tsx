import { useTranslation } from 'react-i18next';
import { useTechnician } from '../../technician-context.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useRequest } from '../../ui/useRequest.ts';

/** The library system: connected or not, and what that means. */
export function CentralPanel() {
  const { t } = useTranslation();
  const { value } = useRequest('central.status', {});
  if (!value) return null;
  return (
    <Panel
      title={t('technician.overview.central')}
      tone={value.health === 'online' ? 'ok' : value.health === 'degraded' ? 'warn' : 'bad'}
      tab="central"
    >
      <p>
        <strong>{t(`technician.central.health.${value.health}`)}</strong>. {t(`technician.central.healthHint.${value.health}`)}
      </p>
    </Panel>
  );
}

/** The devices: all working, or which need attention. */
export function DevicesPanel() {
  const { t } = useTranslation();
  const { value } = useRequest('devices.list', {});
  if (!value) return null;
  const problems = value.devices.filter((d) => d.state !== 'connected');
  return (
    <Panel title={t('technician.overview.devices')} tone={problems.length ? 'bad' : 'ok'} tab="devices">
      <p>
        {problems.length === 0
          ? t('technician.overview.devicesOk', { count: value.devices.length })
          : t('technician.overview.devicesProblem', {
              count: problems.length,
              total: value.devices.length,
              names: problems.map((d) => d.id).join(', '),
            })}
      </p>
    </Panel>
  );
}

/** What waits to be sent, and the conflicts staff must work through. */
export function QueuePanel() {
  const { t } = useTranslation();
  const { value } = useRequest('queue.status', {});
  if (!value) return null;
  return (
    <Panel title={t('technician.overview.queue')} tone={value.openConflicts ? 'bad' : value.backlog ? 'warn' : 'ok'} tab="queue">
      <p>{value.backlog ? t('technician.overview.queueWaiting', { count: value.backlog }) : t('technician.overview.queueIdle')}</p>
      {value.openConflicts > 0 && <p>{t('technician.overview.conflicts', { count: value.openConflicts })}</p>}
    </Panel>
  );
}

/** The branch's mode now and when it changes. */
export function DoorPanel() {
  const { t } = useTranslation();
  const { format } = useTechnician();
  const { value } = useRequest('schedule.show', {});
  if (!value) return null;
  const mode = (m: string) => t(`technician.schedule.mode.${m}`);
  return (
    <Panel title={t('technician.overview.door')} tone="info" tab="schedule">
      <p>
        <strong>{t('technician.schedule.now', { mode: mode(value.mode) })}</strong>
      </p>
      {value.nextChange && (
        <p>{t('technician.schedule.nextChange', { mode: mode(value.nextChange.mode), when: format.dateTime(value.nextChange.at) })}</p>
      )}
    </Panel>
  );
}

/** What happened in the last 24 hours: door entries and refusals, loans and returns, alarms. */
export function NightPanel() {
  const { t } = useTranslation();
  const { format } = useTechnician();
  const { value } = useRequest('report.hours', { period: 'last-24h' });
  if (!value) return null;
  const n = value.totals;
  return (
    <Panel title={t('technician.overview.night')} tone={value.alarms.length ? 'warn' : 'info'} tab="report">
      <p>
        {t('technician.overview.nightFigures', {
          entries: format.number(n.entries),
          denials: format.number(n.denials),
          checkouts: format.number(n.checkouts),
          returns: format.number(n.returns),
          alarms: format.number(value.alarms.length),
        })}
      </p>
    </Panel>
  );
}

/** People inside now and the alarm's state, where a people counter is installed. */
export function OccupancyPanel() {
  const { t } = useTranslation();
  const { value } = useRequest('door.status', {});
  if (!value || value.occupancy === null) return null;
  return (
    <Panel title={t('technician.tab.nightOps')} tone={value.lockdown || value.lockup === 'waiting' ? 'warn' : 'info'} tab="nightOps">
      <p>
        <strong>{t('technician.nightOps.occupancy', { count: value.occupancy })}</strong>
      </p>
      <p>{t(`technician.nightOps.lockup.${value.lockup}`)}</p>
    </Panel>
  );
}
