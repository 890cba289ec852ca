import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestResult } from '../../../../shared/contract/requests.ts';
import type { QueueRowView } from '../../../../shared/contract/technician.ts';
import { useTechnician } from '../technician-context.tsx';
import { type Column, DataTable } from '../ui/DataTable.tsx';
import { Toolbar } from '../ui/Toolbar.tsx';
import { type RequestError, useRequest } from '../ui/useRequest.ts';

/**
 * The write-ahead queue for staff: where the link stands and what waits,
 * "send now", the conflicts to work through (each with "mark handled"),
 * and the latest transactions. Card numbers come shortened; the full list
 * is `openbranch queue export --csv`.
 */
export function QueueTab() {
  const { t } = useTranslation();
  const { client, format } = useTechnician();
  const status = useRequest('queue.status', {});
  const conflicts = useRequest('queue.list', { state: 'conflict' });
  const latest = useRequest('queue.list', {});
  const [replayed, setReplayed] = useState<RequestResult<'queue.replay'>>();
  const [error, setError] = useState<RequestError>();
  const reload = () => Promise.all([status.reload(), conflicts.reload(), latest.reload()]);
  const act = async (call: () => ReturnType<typeof client.call>) => {
    const reply = await call();
    setError(reply.ok ? undefined : reply.error);
    await reload();
    return reply;
  };
  const replay = async () => {
    const reply = await act(() => client.call('queue.replay', {}, 60_000));
    setReplayed(reply.ok ? (reply.value as RequestResult<'queue.replay'>) : undefined);
  };

  const words = useQueueWords();
  const common: Column<QueueRowView>[] = [
    { id: 'time', header: t('technician.queue.column.time'), cell: (r) => format.dateTime(r.time), sortValue: (r) => r.time },
    { id: 'kind', header: t('technician.queue.column.kind'), cell: (r) => words.kind(r.kind), sortValue: (r) => words.kind(r.kind) },
    { id: 'item', header: t('technician.queue.column.item'), cell: (r) => <code>{r.item}</code>, sortValue: (r) => r.item },
    { id: 'card', header: t('technician.queue.column.card'), cell: (r) => r.card ?? '–' },
  ];
  const conflictColumns: Column<QueueRowView>[] = [
    ...common,
    {
      id: 'reason',
      header: t('technician.queue.column.reason'),
      cell: (r) => words.reason(r.reason),
      sortValue: (r) => words.reason(r.reason),
    },
    { id: 'server', header: t('technician.queue.column.serverMessage'), cell: (r) => r.serverMessage ?? '–', className: 'wide' },
    {
      id: 'handled',
      header: t('technician.queue.column.handled'),
      cell: (r) =>
        r.handled ? (
          t('technician.queue.handledAt', { time: format.dateTime(r.handled) })
        ) : (
          <button type="button" onClick={() => void act(() => client.call('queue.handle', { id: r.id }))}>
            {t('technician.queue.markHandled')}
          </button>
        ),
    },
  ];
  const latestColumns: Column<QueueRowView>[] = [
    ...common,
    { id: 'state', header: t('technician.queue.column.state'), cell: (r) => words.state(r.state), sortValue: (r) => words.state(r.state) },
    { id: 'offline', header: t('technician.queue.column.offline'), cell: (r) => (r.offline ? t('technician.yes') : t('technician.no')) },
    {
      id: 'attempts',
      header: t('technician.queue.column.attempts'),
      cell: (r) => format.number(r.attempts),
      sortValue: (r) => r.attempts,
      className: 'num',
    },
    { id: 'reason', header: t('technician.queue.column.reason'), cell: (r) => (r.reason ? words.reason(r.reason) : '–') },
  ];

  const s = status.value;
  return (
    <>
      <Toolbar onRefresh={reload} error={error ?? status.error ?? conflicts.error ?? latest.error}>
        <button type="button" className="primary" onClick={() => void replay()}>
          {t('technician.queue.replay')}
        </button>
      </Toolbar>
      {replayed && <p role="status">{t('technician.queue.replayed', replayed)}</p>}
      {s && (
        <section aria-labelledby="queue-status" className="facts">
          <h2 id="queue-status">{t('technician.queue.status')}</h2>
          <dl>
            <dt>{t('technician.queue.link')}</dt>
            <dd>{t(`technician.queue.mode.${s.mode}`, { defaultValue: s.mode })}</dd>
            <dt>{t('technician.queue.backlog')}</dt>
            <dd>{format.number(s.backlog)}</dd>
            <dt>{t('technician.queue.openConflicts')}</dt>
            <dd>{format.number(s.openConflicts)}</dd>
            <dt>{t('technician.queue.oldest')}</dt>
            <dd>{s.oldestPending ? format.dateTime(s.oldestPending) : t('technician.queue.nothing')}</dd>
            {Object.entries(s.counts).map(([state, n]) => (
              <Fragment key={state}>
                <dt>{words.state(state)}</dt>
                <dd>{format.number(n)}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
      )}
      <section aria-labelledby="queue-conflicts">
        <h2 id="queue-conflicts">{t('technician.queue.conflicts')}</h2>
        <p className="muted">{t('technician.queue.conflictsHelp')}</p>
        {conflicts.value && (
          <DataTable
            caption={t('technician.queue.conflicts')}
            showCaption={false}
            columns={conflictColumns}
            rows={conflicts.value.rows}
            rowKey={(r) => r.id}
            rowProps={(r) => ({ 'data-conflict': r.id })}
            sort={{ column: 'time', direction: 'ascending' }}
            empty={t('technician.queue.noConflicts')}
          />
        )}
      </section>
      <section aria-labelledby="queue-latest">
        <h2 id="queue-latest">{t('technician.queue.latest')}</h2>
        {latest.value && (
          <DataTable
            caption={t('technician.queue.latest')}
            showCaption={false}
            columns={latestColumns}
            rows={latest.value.rows}
            rowKey={(r) => r.id}
            rowProps={(r) => ({ 'data-transaction': r.id, 'data-state': r.state })}
            sort={{ column: 'time', direction: 'descending' }}
          />
        )}
      </section>
    </>
  );
}

function useQueueWords() {
  const { t } = useTranslation();
  return {
    kind: (kind: string) => t(`technician.queue.kind.${kind}`, { defaultValue: kind }),
    state: (state: string) => t(`technician.queue.state.${state}`, { defaultValue: state }),
    reason: (reason: string | null) => (reason === null ? '–' : t(`technician.queue.reason.${reason}`, { defaultValue: reason })),
  };
}
