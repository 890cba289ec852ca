import { useTranslation } from 'react-i18next';
import type { ScheduleView } from '../../../../shared/contract/technician.ts';
import { useTechnician } from '../technician-context.tsx';
import { type Column, DataTable } from '../ui/DataTable.tsx';
import { Toolbar } from '../ui/Toolbar.tsx';
import { useRequest } from '../ui/useRequest.ts';

type Period = ScheduleView['week'][number]['periods'][number];

/** The opening hours as the door applies them: now, the next change, the week and the days that differ. */
export function ScheduleTab() {
  const { t } = useTranslation();
  const { format } = useTechnician();
  const schedule = useRequest('schedule.show', {});
  const mode = (m: string) => t(`technician.schedule.mode.${m}`);
  const hours = (periods: readonly Period[]) =>
    periods.length === 0 ? (
      t('technician.schedule.closedAllDay')
    ) : (
      <ul className="periods">
        {periods.map((p) => (
          <li key={`${p.from}-${p.to}-${p.mode}`}>{t('technician.schedule.period', { from: p.from, to: p.to, mode: mode(p.mode) })}</li>
        ))}
      </ul>
    );
  const s = schedule.value;
  const weekColumns: Column<ScheduleView['week'][number]>[] = [
    { id: 'day', header: t('technician.schedule.column.day'), cell: (d) => t(`technician.schedule.day.${d.day}`) },
    { id: 'hours', header: t('technician.schedule.column.hours'), cell: (d) => hours(d.periods), className: 'wide' },
  ];
  const exceptionColumns: Column<ScheduleView['exceptions'][number]>[] = [
    { id: 'date', header: t('technician.schedule.column.date'), cell: (e) => format.date(e.date), sortValue: (e) => e.date },
    { id: 'hours', header: t('technician.schedule.column.hours'), cell: (e) => hours(e.periods), className: 'wide' },
    { id: 'note', header: t('technician.schedule.column.note'), cell: (e) => e.note ?? '–' },
  ];
  return (
    <>
      <Toolbar onRefresh={schedule.reload} error={schedule.error} />
      {s && (
        <>
          <section className="facts" aria-labelledby="schedule-now">
            <h2 id="schedule-now">{t('technician.schedule.now', { mode: mode(s.mode) })}</h2>
            <p>
              {s.nextChange
                ? t('technician.schedule.nextChange', { mode: mode(s.nextChange.mode), when: format.dateTime(s.nextChange.at) })
                : t('technician.schedule.noChange')}
            </p>
          </section>
          <DataTable caption={t('technician.schedule.week')} columns={weekColumns} rows={s.week} rowKey={(d) => d.day} pageSize={7} />
          <p className="muted">{t('technician.schedule.overlap')}</p>
          <DataTable
            caption={t('technician.schedule.exceptions')}
            columns={exceptionColumns}
            rows={s.exceptions}
            rowKey={(e) => e.date}
            empty={t('technician.schedule.noExceptions')}
          />
        </>
      )}
    </>
  );
}
