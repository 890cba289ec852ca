import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestClient } from '../bridge/request-client.ts';
import { BarChart } from './BarChart.tsx';
import { DataTable } from './DataTable.tsx';

interface EntryReport {
  perHour?: Array<{ hour: number; count: number }>;
  denialsByReason?: Array<{ reason: string; count: number }>;
  alarms?: Array<Record<string, unknown>>;
  entries?: Array<Record<string, unknown>>;
  tailgates?: Array<Record<string, unknown>>;
  identityDays?: number;
  [key: string]: unknown;
}

const today = () => new Date().toISOString().slice(0, 10);

/** What staff read in the morning: entries per hour, denials by reason, alarms. */
export function ReportTab({ client }: { client: RequestClient }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(today());
  const [to, setTo] = useState(today());
  const [identities, setIdentities] = useState(false);
  const [report, setReport] = useState<EntryReport>();
  const [error, setError] = useState<string>();
  const load = async () => {
    const reply = await client.call('report.entries', { from, to, identities });
    if (reply.ok) setReport(reply.value as EntryReport);
    else setError(reply.error.message);
  };
  return (
    <div>
      <label>
        {t('technician.from')} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        {t('technician.to')} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <label>
        <input type="checkbox" checked={identities} onChange={(e) => setIdentities(e.target.checked)} />{' '}
        {t('technician.identities', { days: report?.identityDays ?? 30 })}
      </label>
      <button type="button" onClick={() => void load()}>
        {t('technician.refresh')}
      </button>
      {error && <p role="alert">{error}</p>}
      {report?.perHour && (
        <BarChart
          title={t('technician.entriesPerHour')}
          bars={report.perHour.map((h) => ({ label: String(h.hour).padStart(2, '0'), value: h.count }))}
        />
      )}
      {report?.denialsByReason && (
        <BarChart title={t('technician.denialsByReason')} bars={report.denialsByReason.map((d) => ({ label: d.reason, value: d.count }))} />
      )}
      {report?.alarms && <DataTable caption={t('technician.alarms')} rows={report.alarms} />}
      {report?.tailgates && <DataTable caption={t('technician.nightOps.tailgatesInReport')} rows={report.tailgates} />}
      {report?.entries && <DataTable caption={t('technician.attempts')} rows={report.entries} />}
    </div>
  );
}
