import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api, type Query } from './client';
import type { ApiResponse, UrlFor } from './contract';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * GET a JSON resource and keep it in state; refetches when the path or query changes and drops answers that arrive
 * after a newer request (fast typing in a search box). `path = null` means "not yet" (missing id). The data is typed
 * by the URL (the route's success response in the generated contract).
 */
export function useApi<U extends UrlFor<'get'>>(path: U | null, query?: Query, opts: { quiet?: boolean } = {}): ApiState<ApiResponse<U, 'get'>> {
  type T = ApiResponse<U, 'get'>;
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const key = path === null ? null : `${path}?${JSON.stringify(query ?? {})}`;
  const latest = useRef(0);
  const quiet = opts.quiet ?? false;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for path + query; tick forces a reload.
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    const id = ++latest.current;
    setLoading(true);
    api
      .get(path, query, { signal: controller.signal, quiet })
      .then((value) => {
        if (id !== latest.current) return;
        setData(value);
        setError(null);
      })
      .catch((err: unknown) => {
        if (id !== latest.current || controller.signal.aborted) return;
        setError(err instanceof ApiError ? err : null);
      })
      .finally(() => {
        if (id === latest.current) setLoading(false);
      });
    return () => controller.abort();
  }, [key, tick, quiet]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
