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
  const [card, setCard] = useState('');
  const [report, setReport] = useState<EntryReport>();
  const [error, setError] = useState<string>();
  const load = async () => {
    // Only the card typed here is looked up (by its keyed hash); the log holds no card numbers to list.
    const reply = await client.call('report.entries', { from, to, ...(card.trim() ? { card: card.trim() } : {}) });
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
        {t('technician.whoWasIt', { days: report?.identityDays ?? 30 })}{' '}
        <input type="text" inputMode="numeric" autoComplete="off" value={card} onChange={(e) => setCard(e.target.value)} />
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
