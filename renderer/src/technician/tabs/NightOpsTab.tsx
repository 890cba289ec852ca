import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestResult } from '../../../../shared/contract/requests.ts';
import { useTechnician } from '../technician-context.tsx';
import { type Column, DataTable } from '../ui/DataTable.tsx';
import { Toolbar } from '../ui/Toolbar.tsx';
import { useRequest } from '../ui/useRequest.ts';

const REFRESH_MS = 5000;
type Status = RequestResult<'door.status'>;
type Tailgate = Status['tailgates'][number] & { n: number };
type StaffAction = Status['staffActions'][number] & { n: number };

/** Night operations: people inside, lock-up, a staff lockdown, the last week's tailgates and what on-call staff did. */
export function NightOpsTab() {
  const { t } = useTranslation();
  const { format } = useTechnician();
  const status = useRequest('door.status', {});
  const { reload } = status;
  useEffect(() => {
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const n = 'technician.nightOps';
  const s = status.value;
  return (
    <>
      <Toolbar onRefresh={reload} error={status.error} />
      {s && (
        <>
          <section className="facts" aria-labelledby="night-now">
            <h2 id="night-now">{t('technician.tab.nightOps')}</h2>
            <p data-testid="occupancy">{s.occupancy === null ? t(`${n}.noCounter`) : t(`${n}.occupancy`, { count: s.occupancy })}</p>
            <p data-testid="lockup">{t(`${n}.lockup.${s.lockup}`)}</p>
            {s.lockdown && (
              <p role="alert" className="tech-error" data-testid="lockdown">
                {t(`${n}.lockdown`, { who: s.lockdown.who, since: format.dateTime(s.lockdown.since), reason: s.lockdown.reason })}
              </p>
            )}
          </section>
          <div data-testid="tailgates">
            <TailgateTable caption={t(`${n}.tailgates`)} rows={s.tailgates} />
          </div>
          <div data-testid="staff-actions">
            <StaffActionTable caption={t(`${n}.staffActions`)} rows={s.staffActions} />
          </div>
        </>
      )}
    </>
  );
}

/** Tailgates: when, how many followed, the opening card as the entry log's key (never the number). */
export function TailgateTable({ caption, rows }: { caption: string; rows: Status['tailgates'] }) {
  const { t } = useTranslation();
  const { format } = useTechnician();
  const columns: Column<Tailgate>[] = [
    { id: 'when', header: t('technician.nightOps.when'), cell: (g) => format.dateTime(g.at), sortValue: (g) => g.at },
    {
      id: 'followers',
      header: t('technician.nightOps.followers'),
      cell: (g) => format.number(g.followers),
      sortValue: (g) => g.followers,
      className: 'num',
    },
    { id: 'card', header: t('technician.nightOps.card'), cell: (g) => (g.card ? <code>{g.card}</code> : t('technician.nightOps.noCard')) },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows.map((g, i) => ({ ...g, n: i }))}
      rowKey={(g) => String(g.n)}
      sort={{ column: 'when', direction: 'descending' }}
    />
  );
}

/** What on-call staff did from afar: when, who, what and why. */
export function StaffActionTable({ caption, rows }: { caption: string; rows: Status['staffActions'] }) {
  const { t } = useTranslation();
  const { format } = useTechnician();
  const columns: Column<StaffAction>[] = [
    { id: 'when', header: t('technician.nightOps.when'), cell: (a) => format.dateTime(a.at), sortValue: (a) => a.at },
    { id: 'who', header: t('technician.nightOps.who'), cell: (a) => a.who, sortValue: (a) => a.who },
    {
      id: 'action',
      header: t('technician.nightOps.action'),
      cell: (a) => t(`technician.nightOps.actions.${a.action}`, { seconds: format.number(a.seconds ?? 0), defaultValue: a.action }),
    },
    { id: 'reason', header: t('technician.nightOps.reason'), cell: (a) => a.reason, className: 'wide' },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows.map((a, i) => ({ ...a, n: i }))}
      rowKey={(a) => String(a.n)}
      sort={{ column: 'when', direction: 'descending' }}
    />
  );
}
