import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ApiError } from '../api/client';
import { hasIndexedDb, idbStore } from './idb';
import { createOutbox, type Outbox, type OutboxEntry, type SendOutcome, type Sender } from './queue';
import { type KeyValueStore, memoryStore } from './storage';

/**
 * The one device outbox of this browser (IndexedDB), its senders by entry kind (pages register theirs), and the React
 * side: online state, counts per scope, and the triggers that send — coming back online, opening the page, every
 * enqueue and a slow retry timer while something waits.
 */

const senders = new Map<string, Sender>();

export function registerSender(kind: string, sender: Sender): void {
  senders.set(kind, sender);
}

/** A failed request → what the queue does: network, timeouts, overload and server errors retry; other 4xx are kept. */
export function outcomeOfError(err: unknown): SendOutcome {
  if (err instanceof ApiError) {
    if (err.status === 0 || err.status === 401 || err.status === 408 || err.status === 429 || err.status >= 500) return { status: 'retry' };
    return { status: 'rejected', error: { code: err.code, vi: err.messageVi, en: err.messageEn } };
  }
  return { status: 'retry' };
}

let instance: Outbox | null = null;

export function deviceOutbox(): Outbox {
  if (instance) return instance;
  const idb = hasIndexedDb();
  const store: KeyValueStore<OutboxEntry> = idb ? idbStore<OutboxEntry>('outbox') : memoryStore<OutboxEntry>();
  const ids: KeyValueStore<string> = idb ? idbStore<string>('cache') : memoryStore<string>();
  // Server ids live in the cache store under a prefix, beside the cached lists.
  const prefixed: KeyValueStore<string> = {
    get: (k) => ids.get(`sent:${k}`),
    set: (k, v) => ids.set(`sent:${k}`, v),
    del: (k) => ids.del(`sent:${k}`),
    entries: async () => (await ids.entries()).filter(([k]) => k.startsWith('sent:')),
  };
  const base = createOutbox(store, prefixed, async (entry, dependency) => {
    const send = senders.get(entry.kind);
    // A kind whose page has not been opened in this tab yet: leave it for later.
    if (!send) return { status: 'retry' };
    return send(entry, dependency);
  });
  // Two tabs of the same device share the IndexedDB outbox: one sends at a time (Web Locks), the other then finds
  // the entries gone. The server's clientId idempotency still covers a browser without locks.
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  instance = { ...base, flush: () => (locks ? locks.request('kc-outbox-flush', () => base.flush()) : base.flush()) };
  return instance;
}

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

export interface OutboxState {
  online: boolean;
  entries: OutboxEntry[];
  pending: number;
  failed: OutboxEntry[];
  sending: boolean;
  flush: () => void;
  discard: (key: string) => void;
  retry: (key: string) => void;
}

const RETRY_MS = 20_000;

/** The queue of one scope (an inspection) for a page; starts a send whenever it can. */
export function useOutbox(scope: string, onSent?: () => void): OutboxState {
  const outbox = deviceOutbox();
  const online = useOnline();
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [sending, setSending] = useState(false);
  // A ref, so a page passing an inline callback does not restart the send effects on every render.
  const sentRef = useRef(onSent);
  sentRef.current = onSent;

  const refresh = useCallback(() => {
    void outbox.list(scope).then(setEntries);
  }, [outbox, scope]);

  const flush = useCallback(() => {
    if (!navigator.onLine) return;
    setSending(true);
    void outbox
      .flush()
      .then((r) => {
        if (r.sent > 0) sentRef.current?.();
      })
      .finally(() => setSending(false));
  }, [outbox]);

  useEffect(() => {
    refresh();
    return outbox.subscribe(refresh);
  }, [outbox, refresh]);

  // Coming back online (and opening the page online) sends what waits.
  useEffect(() => {
    if (online) flush();
  }, [online, flush]);

  const pending = entries.filter((e) => e.state === 'PENDING').length;
  useEffect(() => {
    if (!online || pending === 0) return;
    const timer = setInterval(flush, RETRY_MS);
    return () => clearInterval(timer);
  }, [online, pending, flush]);

  return {
    online,
    entries,
    pending,
    failed: entries.filter((e) => e.state === 'FAILED'),
    sending,
    flush,
    discard: (key) => void outbox.discard(key),
    retry: (key) => void outbox.retry(key).then(flush),
  };
}
