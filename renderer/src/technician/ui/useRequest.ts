import { useCallback, useEffect, useRef, useState } from 'react';
import type { RequestMethod, RequestParams, RequestResult } from '../../../../shared/contract/requests.ts';
import { useTechnician } from '../technician-context.tsx';

export interface RequestError {
  readonly code: string;
  readonly message: string;
}

export interface RequestState<M extends RequestMethod> {
  readonly value: RequestResult<M> | undefined;
  readonly error: RequestError | undefined;
  readonly loading: boolean;
  reload(): Promise<void>;
}

/**
 * Asks main once on mount and again whenever `params` change (compared by
 * value) or `reload()` is called; the last answer stays on screen while
 * the next one is on its way.
 */
export function useRequest<M extends RequestMethod>(method: M, params: RequestParams<M>, timeoutMs?: number): RequestState<M> {
  const { client } = useTechnician();
  const key = JSON.stringify(params);
  const [value, setValue] = useState<RequestResult<M>>();
  const [error, setError] = useState<RequestError>();
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const call = ++latest.current;
    setLoading(true);
    const reply = await client.call(method, JSON.parse(key) as RequestParams<M>, timeoutMs);
    if (call !== latest.current) return;
    if (reply.ok) {
      setValue(reply.value);
      setError(undefined);
    } else setError(reply.error);
    setLoading(false);
  }, [client, method, key, timeoutMs]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, loading, reload };
}
