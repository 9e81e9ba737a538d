import { useCallback, useEffect, useState } from 'react';
import { ApiError, type Query, request } from '../../api/client';
import { hasIndexedDb, idbStore } from '../../offline/idb';
import { outcomeOfError, registerSender } from '../../offline/useOutbox';
import type { OutboxEntry, SendOutcome } from '../../offline/queue';
import type { FindingPayload, PhotoPayload, ResultPayload } from './types';

/**
 * Calls of the inspection pages (URLs from the contract; typed locally until schema.gen.ts has them), the read
 * cache that lets the checklist open without a connection, and the senders of the device outbox.
 */
export const BASE = '/api/inspections';

const cache = hasIndexedDb() ? idbStore<unknown>('cache') : null;

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: ApiError | null;
  /** The data is the copy saved on the device (the server could not be reached). */
  fromCache: boolean;
  reload: () => void;
}

/**
 * GET with reload. With `cacheKey`, a successful answer is kept on the device and shown when the network is down,
 * so an inspector who loses the signal on site still sees the checklist.
 */
export function useLoad<T>(path: string | null, query?: Query, cacheKey?: string): Loaded<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(path !== null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fromCache, setFromCache] = useState(false);
  const [tick, setTick] = useState(0);
  const key = path === null ? null : `${path}?${JSON.stringify(query ?? {})}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for path + query; tick forces a reload.
  useEffect(() => {
    if (!path) return;
    let live = true;
    setLoading(true);
    request<T>('GET', path, { query, quiet: !!cacheKey })
      .then(async (v) => {
        if (!live) return;
        setData(v);
        setError(null);
        setFromCache(false);
        if (cacheKey && cache) await cache.set(cacheKey, v).catch(() => undefined);
      })
      .catch(async (err: unknown) => {
        if (!live) return;
        const apiErr = err instanceof ApiError ? err : null;
        if (cacheKey && cache && apiErr?.status === 0) {
          const saved = (await cache.get(cacheKey).catch(() => undefined)) as T | undefined;
          if (live && saved !== undefined) {
            setData(saved);
            setFromCache(true);
            return;
          }
        }
        setError(apiErr);
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [key, tick, cacheKey]);
  return { data, loading, error, fromCache, reload: useCallback(() => setTick((n) => n + 1), []) };
}

export const post = <T = unknown>(path: string, body?: unknown, quiet = false) => request<T>('POST', path, { body, quiet });
export const put = <T = unknown>(path: string, body?: unknown, quiet = false) => request<T>('PUT', path, { body, quiet });

/** Staff of a unit and its sub-units, kept on the device for the offline person picker. */
export interface StaffOption {
  id: string;
  label: string;
}

export function useUnitStaff(unitId: string | undefined): StaffOption[] {
  const [options, setOptions] = useState<StaffOption[]>([]);
  useEffect(() => {
    if (!unitId) return;
    let live = true;
    const key = `staff:${unitId}`;
    request<{ items: Array<{ id: string; fullName: string; employeeCode: string; unitName: string }> }>('GET', '/api/staff', {
      query: { unitId, includeSubunits: 'true', pageSize: 500 },
      quiet: true,
    })
      .then(async (page) => {
        const list = page.items.map((p) => ({ id: p.id, label: `${p.fullName} (${p.employeeCode}) – ${p.unitName}` }));
        if (live) setOptions(list);
        await cache?.set(key, list).catch(() => undefined);
      })
      .catch(async () => {
        const saved = (await cache?.get(key).catch(() => undefined)) as StaffOption[] | undefined;
        if (live && saved) setOptions(saved);
      });
    return () => {
      live = false;
    };
  }, [unitId]);
  return options;
}

/** A random v4 UUID; crypto.randomUUID only exists in secure contexts (a LAN address over http is not one). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const KIND_RESULT = 'inspection.result';
export const KIND_FINDING = 'inspection.finding';
export const KIND_PHOTO = 'inspection.photo';

async function attempt(call: () => Promise<{ id?: string } | undefined>): Promise<SendOutcome> {
  try {
    const r = await call();
    return { status: 'sent', ...(r?.id ? { serverId: r.id } : {}) };
  } catch (err) {
    return outcomeOfError(err);
  }
}

let registered = false;

/** The senders of inspection entries; registered once, when an inspection page first opens. */
export function registerInspectionSenders(): void {
  if (registered) return;
  registered = true;
  registerSender(KIND_RESULT, (entry: OutboxEntry) => {
    const p = entry.payload as ResultPayload;
    return attempt(() => put(`${BASE}/${p.inspectionId}/results/${p.itemId}`, { verdict: p.verdict, note: p.note }, true) as Promise<undefined>);
  });
  registerSender(KIND_FINDING, (entry: OutboxEntry) => {
    const p = entry.payload as FindingPayload;
    const body = { clientId: p.clientId, itemId: p.itemId, personId: p.personId, description: p.description, observedAt: p.observedAt };
    return attempt(() => post<{ id: string }>(`${BASE}/${p.inspectionId}/findings`, body, true));
  });
  registerSender(KIND_PHOTO, (entry: OutboxEntry, findingId: string | undefined) => {
    const p = entry.payload as PhotoPayload;
    const form = new FormData();
    // Fields first, the file last: the server reads the multipart stream in order.
    form.append('clientId', p.clientId);
    if (findingId) form.append('findingId', findingId);
    if (p.itemId) form.append('itemId', p.itemId);
    if (p.takenAt) form.append('takenAt', p.takenAt);
    if (p.lat !== null && p.lon !== null) {
      form.append('lat', String(p.lat));
      form.append('lon', String(p.lon));
    }
    form.append('file', p.blob, `${p.clientId}.jpg`);
    return attempt(() => request<{ id: string }>('POST', `${BASE}/${p.inspectionId}/photos`, { body: form, quiet: true }));
  });
}
