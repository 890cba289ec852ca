import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestClient } from '../bridge/request-client.ts';
import { DataTable } from './DataTable.tsx';

type Method = 'central.status' | 'queue.status' | 'schedule.show' | 'logs.tail';

/** Shows one request's answer; optionally an action button and a list below it. */
export function ResultTab({
  client,
  method,
  action,
  listMethod,
}: {
  client: RequestClient;
  method: Method;
  action?: 'queue.replay';
  listMethod?: 'queue.list';
}) {
  const { t } = useTranslation();
  const [result, setResult] = useState<unknown>();
  const [rows, setRows] = useState<Record<string, unknown>[]>([]);
  const [error, setError] = useState<string>();
  const load = useCallback(async () => {
    const reply = await client.call(method, {} as never);
    if (reply.ok) {
      setResult(reply.value);
      setError(undefined);
    } else setError(reply.error.message);
    if (listMethod) {
      const list = await client.call(listMethod, {});
      if (list.ok) setRows(list.value.rows);
    }
  }, [client, method, listMethod]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div>
      <button type="button" onClick={() => void load()}>
        {t('technician.refresh')}
      </button>
      {action && (
        <button type="button" onClick={() => void client.call(action, {}).then(load)}>
          {t(`technician.action.${action.replace('.', '-')}`)}
        </button>
      )}
      {error && <p role="alert">{error}</p>}
      {method === 'logs.tail' && result !== undefined ? (
        <pre className="log-lines">{(result as { lines: string[] }).lines.join('\n')}</pre>
      ) : (
        result !== undefined && <DataTable caption={t(`technician.method.${method.replace('.', '-')}`)} rows={toRows(result)} />
      )}
      {listMethod && rows.length > 0 && <DataTable caption={t('technician.method.queue-list')} rows={rows} />}
    </div>
  );
}

function toRows(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value as Record<string, unknown>[];
  if (value && typeof value === 'object') return Object.entries(value).map(([key, v]) => ({ key, value: v }));
  return [{ value }];
}
