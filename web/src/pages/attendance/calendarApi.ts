import { useCallback, useEffect, useState } from 'react';
import { type Query, request } from '../../api/client';

/**
 * Shapes of the calendar endpoints that changed with issue 13 (status, source, readiness). Written here until the
 * generated API types (schema.gen.ts) are regenerated at integration; then these can become Schemas['…'].
 */
export type DayKind = 'HOLIDAY' | 'COMPENSATORY' | 'SWAPPED_OFF' | 'MAKEUP_WORKDAY';
export type DayStatus = 'CONFIRMED' | 'PROPOSED';

export interface CalDay {
  id: string | null;
  date: string;
  kind: DayKind;
  name: string;
  unitId: string | null;
  legalBasis: string | null;
  status: DayStatus;
  note: string | null;
  source: 'STORED' | 'RULE';
}

export interface Proposal {
  date: string;
  kind: DayKind;
  name: string;
  unitId: string | null;
  legalBasis: string | null;
  status: DayStatus;
  note: string | null;
  basis: 'FIXED_DATE' | 'LUNAR' | 'WEEKEND_COMPENSATION' | 'PM_CHOICE_GUESS';
}

export interface Readiness {
  year: number;
  confirmed: boolean;
  tetConfirmed: boolean;
  proposed: CalDay[];
  remindFrom: string;
  reminderDue: boolean;
}

/** GET with reload, like useApi, for the endpoints above. */
export function useCalendarGet<T>(path: string, query?: Query, reloadKey = 0): { data: T | undefined; loading: boolean; reload: () => void } {
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const key = `${path}?${JSON.stringify(query ?? {})}#${reloadKey}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for path + query; tick forces a reload.
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    request<T>('GET', path, { query, signal: controller.signal })
      .then(setData)
      .catch(() => undefined)
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [key, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, loading, reload };
}
