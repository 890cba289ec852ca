import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HourlyReport, HourlyReportParams } from '../../../../shared/contract/technician.ts';
import { dayBefore } from '../format.ts';
import { useTechnician } from '../technician-context.tsx';
import { DataTable } from '../ui/DataTable.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { type ChartSeries, HourChart } from '../ui/HourChart.tsx';
import { useRequest } from '../ui/useRequest.ts';
import { DoorAttempts } from './DoorAttempts.tsx';
import { StaffActionTable, TailgateTable } from './NightOpsTab.tsx';

type Preset = 'last-24h' | 'yesterday' | 'today' | 'day';

const NAVY = '#0b2a4a';
const RED = '#a4000f';
const GREEN = '#0a6b2d';
const BROWN = '#8a4b00';
const TRANSACTIONS: ReadonlyArray<{ id: keyof HourlyReport['totals']; color: string; pattern: ChartSeries['pattern'] }> = [
  { id: 'checkouts', color: NAVY, pattern: 'solid' },
  { id: 'returns', color: GREEN, pattern: 'stripes' },
  { id: 'renewals', color: BROWN, pattern: 'dots' },
  { id: 'refused', color: RED, pattern: 'cross' },
];

/**
 * What staff read in the morning: entries, refusals at the door and
 * transactions per hour of the last 24 hours or a chosen day (the branch's
 * own hours), refusals by reason, alarms and the door's attempts.
 */
export function ReportTab() {
  const { t } = useTranslation();
  const { format } = useTechnician();
  const today = format.localDate(new Date());
  const [preset, setPreset] = useState<Preset>('last-24h');
  const [date, setDate] = useState(dayBefore(today));
  const period: HourlyReportParams =
    preset === 'last-24h'
      ? { period: 'last-24h' }
      : { period: 'day', date: preset === 'today' ? today : preset === 'yesterday' ? dayBefore(today) : date };
  const report = useRequest('report.hours', period);
  const r = report.value;
  const hours = (pick: (h: HourlyReport['hours'][number]) => number[]) =>
    r?.hours.map((h) => ({ label: format.hour(h.hour), values: pick(h) })) ?? [];
  const series = (id: string, color: string, pattern: ChartSeries['pattern'] = 'solid') => ({
    id,
    label: t(`technician.report.series.${id}`),
    color,
    pattern,
  });
  const chart = { format: format.number, hourHeader: t('technician.report.hour') };

  function denial(reason: string) {
    return t(`technician.denial.${reason}`, { defaultValue: reason });
  }

  return (
    <>
      <fieldset className="period">
        <legend>{t('technician.report.period')}</legend>
        {(['last-24h', 'yesterday', 'today', 'day'] as const).map((p) => (
          <label key={p} className="choice">
            <input type="radio" name="report-period" checked={preset === p} onChange={() => setPreset(p)} />{' '}
            {t(`technician.report.${p === 'last-24h' ? 'last24h' : p}`)}
          </label>
        ))}
        {preset === 'day' && (
          <label className="choice">
            {t('technician.report.date')}{' '}
            <input type="date" value={date} max={today} onChange={(e) => e.target.value && setDate(e.target.value)} />
          </label>
        )}
        <button type="button" onClick={() => void report.reload()}>
          {t('technician.refresh')}
        </button>
      </fieldset>
      <ErrorNotice error={report.error} />
      {r && (
        <>
          <p className="range" data-testid="report-range">
            {t('technician.report.range', { from: format.dateTime(r.start), to: format.dateTime(r.end) })}
          </p>
          <div className="charts">
            <HourChart
              title={t('technician.report.chart.entries')}
              hours={hours((h) => [h.entries])}
              series={[series('entries', NAVY)]}
              {...chart}
            />
            <HourChart
              title={t('technician.report.chart.denials')}
              hours={hours((h) => [h.denials])}
              series={[series('denials', RED, 'cross')]}
              {...chart}
            />
            <HourChart
              title={t('technician.report.chart.transactions')}
              hours={hours((h) => TRANSACTIONS.map((s) => h[s.id]))}
              series={TRANSACTIONS.map((s) => series(s.id, s.color, s.pattern))}
              {...chart}
            />
          </div>
          <DataTable
            caption={t('technician.report.denialsByReason')}
            columns={[
              {
                id: 'reason',
                header: t('technician.report.column.reason'),
                cell: (d) => denial(d.reason),
                sortValue: (d) => denial(d.reason),
              },
              {
                id: 'count',
                header: t('technician.report.column.count'),
                cell: (d) => format.number(d.count),
                sortValue: (d) => d.count,
                className: 'num',
              },
            ]}
            rows={r.denialsByReason}
            rowKey={(d) => d.reason}
            empty={t('technician.report.noDenials')}
          />
          <DataTable
            caption={t('technician.report.alarms')}
            columns={[
              { id: 'time', header: t('technician.report.column.time'), cell: (a) => format.dateTime(a.at), sortValue: (a) => a.at },
              {
                id: 'alarm',
                header: t('technician.report.column.alarm'),
                cell: (a) => t(`technician.report.alarm.${a.kind}`, { defaultValue: t('technician.report.alarm.unknown') }),
              },
            ]}
            rows={r.alarms}
            rowKey={(a) => `${a.at}-${a.kind}`}
            rowProps={(a) => ({ 'data-alarm': a.kind })}
            empty={t('technician.report.noAlarms')}
          />
          {r.tailgates.length > 0 && <TailgateTable caption={t('technician.nightOps.tailgatesInReport')} rows={r.tailgates} />}
          {r.staffActions.length > 0 && <StaffActionTable caption={t('technician.nightOps.staffActions')} rows={r.staffActions} />}
        </>
      )}
      <DoorAttempts period={period} />
    </>
  );
}
