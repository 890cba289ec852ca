import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestClient } from '../bridge/request-client.ts';
import { DataTable } from './DataTable.tsx';

type Row = Record<string, unknown> & { id?: string; state?: string; handled?: string | null };

/**
 * The offline queue for staff: counts, "replay now", the conflicts to work
 * through (each with "mark handled"), and the latest transactions. Card
 * numbers are shortened; the full list is `openbranch queue export --csv`.
 */
export function QueueTab({ client }: { client: RequestClient }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Record<string, unknown>>();
  const [conflicts, setConflicts] = useState<Row[]>([]);
  const [latest, setLatest] = useState<Row[]>([]);
  const [message, setMessage] = useState<string>();
  const load = useCallback(async () => {
    const [s, c, l] = await Promise.all([
      client.call('queue.status', {}),
      client.call('queue.list', { state: 'conflict' }),
      client.call('queue.list', {}),
    ]);
    if (s.ok) setStatus(s.value);
    if (c.ok) setConflicts(c.value.rows as Row[]);
    if (l.ok) setLatest(l.value.rows as Row[]);
  }, [client]);
  useEffect(() => {
    void load();
  }, [load]);
  const act = async (call: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    const reply = await call();
    setMessage(reply.ok ? undefined : reply.error?.message);
    await load();
  };
  return (
    <div>
      <button type="button" onClick={() => void load()}>
        {t('technician.refresh')}
      </button>
      <button type="button" onClick={() => void act(() => client.call('queue.replay', {}))}>
        {t('technician.action.queue-replay')}
      </button>
      {message && <p role="alert">{message}</p>}
      {status && (
        <DataTable caption={t('technician.method.queue-status')} rows={Object.entries(status).map(([key, value]) => ({ key, value }))} />
      )}
      <table className="data-table">
        <caption>{t('technician.queue.conflicts')}</caption>
        <tbody>
          {conflicts.length === 0 && (
            <tr>
              <td>{t('technician.queue.noConflicts')}</td>
            </tr>
          )}
          {conflicts.map((r) => (
            <tr key={r.id} data-conflict={r.id}>
              <td>{String(r.time ?? '')}</td>
              <td>{String(r.kind ?? '')}</td>
              <td>{String(r.item ?? '')}</td>
              <td>{String(r.card ?? '')}</td>
              <td>{String(r.reason ?? '')}</td>
              <td>{String(r.serverMessage ?? '')}</td>
              <td>
                {r.handled ? (
                  t('technician.queue.handledBy', { by: r.handled })
                ) : (
                  <button type="button" onClick={() => void act(() => client.call('queue.handle', { id: String(r.id) }))}>
                    {t('technician.queue.markHandled')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {latest.length > 0 && <DataTable caption={t('technician.method.queue-list')} rows={latest} />}
    </div>
  );
}
