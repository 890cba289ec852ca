import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestResult } from '../../../../shared/contract/requests.ts';
import type { HourlyReportParams } from '../../../../shared/contract/technician.ts';
import { useTechnician } from '../technician-context.tsx';
import { type Column, DataTable } from '../ui/DataTable.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { useRequest } from '../ui/useRequest.ts';

/** An attempt and its place in the list (two attempts can share a millisecond). */
type Attempt = RequestResult<'report.entries'>['attempts'][number] & { n: number };

/**
 * The door's attempts in the report's period, and "who was it?": staff
 * type a card number (or scan the card with a keyboard-wedge reader) to
 * see only that card's attempts. The log keeps no card numbers, only keyed
 * hashes, so it can find a card it is shown but never list who came in.
 */
export function DoorAttempts({ period }: { period: HourlyReportParams }) {
  const { t } = useTranslation();
  const { format } = useTechnician();
  const [typed, setTyped] = useState('');
  const [card, setCard] = useState<string>();
  const attempts = useRequest('report.entries', { ...period, ...(card ? { card } : {}) });
  const columns: Column<Attempt>[] = [
    { id: 'time', header: t('technician.report.column.time'), cell: (a) => format.dateTime(a.at), sortValue: (a) => a.at },
    {
      id: 'outcome',
      header: t('technician.report.column.outcome'),
      cell: (a) => t(`technician.report.outcome.${a.outcome}`, { defaultValue: a.outcome }),
      sortValue: (a) => a.outcome,
    },
    {
      id: 'reason',
      header: t('technician.report.column.reason'),
      cell: (a) => (a.reason ? t(`technician.denial.${a.reason}`, { defaultValue: a.reason }) : '–'),
    },
  ];
  const caption = card ? t('technician.report.cardAttempts') : t('technician.report.attempts');
  return (
    <section aria-labelledby="report-attempts">
      <h2 id="report-attempts">{caption}</h2>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setCard(typed.trim() || undefined);
        }}
      >
        <label htmlFor="who-was-it">{t('technician.report.whoWasIt', { days: attempts.value?.identityDays ?? 30 })}</label>
        <input id="who-was-it" inputMode="numeric" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit">{t('technician.report.lookUp')}</button>
        {card && (
          <button
            type="button"
            onClick={() => {
              setTyped('');
              setCard(undefined);
            }}
          >
            {t('technician.report.showAll')}
          </button>
        )}
      </form>
      <ErrorNotice error={attempts.error} />
      {attempts.value && (
        <DataTable
          caption={caption}
          showCaption={false}
          columns={columns}
          rows={attempts.value.attempts.map((a, n) => ({ ...a, n }))}
          rowKey={(a) => String(a.n)}
          sort={{ column: 'time', direction: 'descending' }}
        />
      )}
    </section>
  );
}
