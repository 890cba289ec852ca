import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestResult } from '../../../shared/contract/requests.ts';
import type { RequestClient } from '../bridge/request-client.ts';

const REFRESH_MS = 5000;

/** Night operations: people inside, lock-up, a staff lockdown, tailgates and what on-call staff did. */
export function NightOpsTab({ client }: { client: RequestClient }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<RequestResult<'door.status'>>();
  const [error, setError] = useState<string>();
  const load = useCallback(async () => {
    const reply = await client.call('door.status', {});
    if (reply.ok) setStatus(reply.value);
    else setError(reply.error.message);
  }, [client]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  const time = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  if (error) return <p role="alert">{error}</p>;
  if (!status) return <p>{t('app.loading')}</p>;
  const n = 'technician.nightOps';
  return (
    <div className="night-ops">
      <p data-testid="occupancy">{status.occupancy === null ? t(`${n}.noCounter`) : t(`${n}.occupancy`, { count: status.occupancy })}</p>
      <p data-testid="lockup">{t(`${n}.lockup.${status.lockup}`)}</p>
      {status.lockdown && (
        <p role="alert" data-testid="lockdown">
          {t(`${n}.lockdown`, { who: status.lockdown.who, since: time(status.lockdown.since), reason: status.lockdown.reason })}
        </p>
      )}
      <table className="data-table" data-testid="tailgates">
        <caption>{t(`${n}.tailgates`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`${n}.when`)}</th>
            <th scope="col">{t(`${n}.followers`)}</th>
            <th scope="col">{t(`${n}.card`)}</th>
          </tr>
        </thead>
        <tbody>
          {status.tailgates.map((g) => (
            <tr key={`${g.at}/${g.card}`}>
              <td>{time(g.at)}</td>
              <td>{g.followers}</td>
              <td>{g.card ?? t(`${n}.noCard`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data-table" data-testid="staff-actions">
        <caption>{t(`${n}.staffActions`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`${n}.when`)}</th>
            <th scope="col">{t(`${n}.who`)}</th>
            <th scope="col">{t(`${n}.action`)}</th>
            <th scope="col">{t(`${n}.reason`)}</th>
          </tr>
        </thead>
        <tbody>
          {status.staffActions.map((a) => (
            <tr key={`${a.at}/${a.action}`}>
              <td>{time(a.at)}</td>
              <td>{a.who}</td>
              <td>{t(`${n}.actions.${a.action}`, { seconds: a.seconds ?? 0 })}</td>
              <td>{a.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
