import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestClient } from '../bridge/request-client.ts';
import { DataTable } from './DataTable.tsx';

type Method = 'central.status' | 'schedule.show' | 'logs.tail';

/** Shows one request's answer as a table (or the log lines as text). */
export function ResultTab({ client, method }: { client: RequestClient; method: Method }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<unknown>();
  const [error, setError] = useState<string>();
  const load = useCallback(async () => {
    const reply = await client.call(method, {} as never);
    if (reply.ok) {
      setResult(reply.value);
      setError(undefined);
    } else setError(reply.error.message);
  }, [client, method]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div>
      <button type="button" onClick={() => void load()}>
        {t('technician.refresh')}
      </button>
      {error && <p role="alert">{error}</p>}
      {method === 'logs.tail' && result !== undefined ? (
        <pre className="log-lines">{(result as { lines: string[] }).lines.join('\n')}</pre>
      ) : (
        result !== undefined && <DataTable caption={t(`technician.method.${method.replace('.', '-')}`)} rows={toRows(result)} />
      )}
    </div>
  );
}

function toRows(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value as Record<string, unknown>[];
  if (value && typeof value === 'object') return Object.entries(value).map(([key, v]) => ({ key, value: v }));
  return [{ value }];
}
