import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogEntry } from '../../../../shared/contract/technician.ts';
import { LOG_LEVELS, type LogLevel } from '../../../../shared/domain/log-levels.ts';
import { useTechnician } from '../technician-context.tsx';
import { type Column, DataTable } from '../ui/DataTable.tsx';
import { Toolbar } from '../ui/Toolbar.tsx';
import { useRequest } from '../ui/useRequest.ts';

const FILTERS = ['debug', 'info', 'warn', 'error'] as const satisfies readonly LogLevel[];
type Row = LogEntry & { n: number };

/**
 * The newest log lines as a table a person reads: local time, level,
 * part of the system, message and details, newest first, filtered by
 * level. Messages stay as the system wrote them (searchable, for support).
 */
export function LogsTab() {
  const { t } = useTranslation();
  const { format } = useTechnician();
  const [level, setLevel] = useState<LogLevel>('info');
  const logs = useRequest('logs.tail', { lines: 500, level });
  const columns: Column<Row>[] = [
    {
      id: 'time',
      header: t('technician.logs.column.time'),
      cell: (e) => (e.time ? format.timestamp(e.time) : '–'),
      sortValue: (e) => `${e.time ?? ''}|${String(e.n).padStart(6, '0')}`,
    },
    {
      id: 'level',
      header: t('technician.logs.column.level'),
      cell: (e) => <span className={`badge level-${e.level ?? 'none'}`}>{t(`technician.logs.level.${e.level ?? 'none'}`)}</span>,
      sortValue: (e) => (e.level ? LOG_LEVELS.indexOf(e.level) : -1),
    },
    {
      id: 'subsystem',
      header: t('technician.logs.column.subsystem'),
      cell: (e) => t(`technician.logs.subsystem.${e.subsystem ?? 'none'}`, { defaultValue: e.subsystem ?? '' }),
      sortValue: (e) => e.subsystem ?? '',
    },
    { id: 'message', header: t('technician.logs.column.message'), cell: (e) => e.message, className: 'wide' },
    {
      id: 'details',
      header: t('technician.logs.column.details'),
      className: 'wide',
      cell: (e) =>
        Object.keys(e.details).length === 0 ? (
          '–'
        ) : (
          <ul className="details">
            {Object.entries(e.details).map(([k, v]) => (
              <li key={k}>
                <span className="muted">{k}</span> {v}
              </li>
            ))}
          </ul>
        ),
    },
  ];
  return (
    <>
      <Toolbar onRefresh={logs.reload} error={logs.error}>
        <label>
          {t('technician.logs.show')}{' '}
          <select value={level} onChange={(e) => setLevel(e.target.value as LogLevel)}>
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`technician.logs.filter.${f}`)}
              </option>
            ))}
          </select>
        </label>
      </Toolbar>
      <p className="muted">{t('technician.logs.messagesNote')}</p>
      {logs.value && (
        <DataTable
          caption={t('technician.tab.logs')}
          columns={columns}
          rows={logs.value.entries.map((e, n) => ({ ...e, n }))}
          rowKey={(e) => String(e.n)}
          rowProps={(e) => ({ 'data-level': e.level ?? 'none' })}
          sort={{ column: 'time', direction: 'descending' }}
          pageSize={20}
          empty={t('technician.logs.empty')}
        />
      )}
    </>
  );
}
