import type { KeyValueStore } from './storage';

/**
 * The device outbox: writes made in the field (checklist verdicts, findings, photos) are stored first and sent when
 * the connection allows, in the order they were made. Nothing is lost (an entry leaves the store only after the
 * server answered 2xx) and nothing is stored twice (each entry carries a clientId the server is idempotent on, so a
 * resend after a lost answer returns the record already made). Pure logic over a KeyValueStore: the browser runs it
 * on IndexedDB, the tests on a Map.
 */

export interface OutboxError {
  code: string;
  vi: string;
  en: string;
}

export interface OutboxEntry<P = unknown> {
  /** Unique: the clientId, or a coalescing key (`result:<inspection>:<item>`: the last verdict wins). */
  key: string;
  /** Enqueue order, also the revision: a replacement under the same key gets a new seq. */
  seq: number;
  /** What the entry belongs to (an inspection id): each page shows its own count. */
  scope: string;
  kind: string;
  payload: P;
  /** Key of an entry whose server id this one needs (a photo of a finding still queued). */
  dependsOn?: string;
  state: 'PENDING' | 'FAILED';
  attempts: number;
  error?: OutboxError;
  createdAt: string;
}

/** `retry`: the network or the server is unavailable (try the whole queue later); `rejected`: a 4xx, kept as FAILED. */
export type SendOutcome = { status: 'sent'; serverId?: string } | { status: 'retry' } | { status: 'rejected'; error: OutboxError };

/** Sends one entry; `dependency` is the server id of `dependsOn` when it has been sent. */
export type Sender = (entry: OutboxEntry, dependency: string | undefined) => Promise<SendOutcome>;

export interface FlushResult {
  sent: number;
  failed: number;
  /** Still pending after this pass (offline, or waiting on a dependency). */
  left: number;
  /** The pass stopped because a send asked to retry later. */
  interrupted: boolean;
}

export async function listEntries(store: KeyValueStore<OutboxEntry>, scope?: string): Promise<OutboxEntry[]> {
  const all = (await store.entries()).map(([, v]) => v);
  return all.filter((e) => scope === undefined || e.scope === scope).sort((a, b) => a.seq - b.seq);
}

export type NewEntry<P = unknown> = Pick<OutboxEntry<P>, 'key' | 'scope' | 'kind' | 'payload'> & { dependsOn?: string };

/** Adds (or replaces, under the same key) an entry as PENDING with the next sequence number. */
export async function enqueue<P>(store: KeyValueStore<OutboxEntry>, entry: NewEntry<P>, now: Date = new Date()): Promise<OutboxEntry<P>> {
  const all = await store.entries();
  const seq = all.reduce((m, [, e]) => Math.max(m, e.seq), 0) + 1;
  const stored: OutboxEntry<P> = {
    key: entry.key,
    scope: entry.scope,
    kind: entry.kind,
    payload: entry.payload,
    ...(entry.dependsOn ? { dependsOn: entry.dependsOn } : {}),
    seq,
    state: 'PENDING',
    attempts: 0,
    createdAt: now.toISOString(),
  };
  await store.set(entry.key, stored as OutboxEntry);
  return stored;
}

/**
 * One pass over the pending entries in order. Stops at the first `retry` (no point hammering a dead link: the rest
 * would fail the same way and the order must hold). A sent entry is deleted only if it was not replaced meanwhile
 * (same seq), so a verdict changed while the previous one was in flight is sent next time.
 */
export async function flushOnce(store: KeyValueStore<OutboxEntry>, ids: KeyValueStore<string>, send: Sender): Promise<FlushResult> {
  const pending = (await listEntries(store)).filter((e) => e.state === 'PENDING');
  const result: FlushResult = { sent: 0, failed: 0, left: 0, interrupted: false };
  for (let i = 0; i < pending.length; i++) {
    const entry = pending[i] as OutboxEntry;
    let dependency: string | undefined;
    if (entry.dependsOn) {
      dependency = await ids.get(entry.dependsOn);
      // The entry it needs is still queued (pending or failed): wait for it rather than send a dangling record.
      if (!dependency && (await store.get(entry.dependsOn))) {
        result.left++;
        continue;
      }
    }
    let outcome: SendOutcome;
    try {
      outcome = await send(entry, dependency);
    } catch {
      outcome = { status: 'retry' };
    }
    if (outcome.status === 'retry') {
      result.interrupted = true;
      result.left += pending.length - i;
      return result;
    }
    const current = await store.get(entry.key);
    if (outcome.status === 'sent') {
      if (outcome.serverId) await ids.set(entry.key, outcome.serverId);
      if (current && current.seq === entry.seq) await store.del(entry.key);
      result.sent++;
    } else {
      if (current && current.seq === entry.seq) await store.set(entry.key, { ...entry, state: 'FAILED', attempts: entry.attempts + 1, error: outcome.error });
      result.failed++;
    }
  }
  return result;
}

/** Puts a FAILED entry back in line (after the user fixed what the server refused, or to try once more). */
export async function retryEntry(store: KeyValueStore<OutboxEntry>, key: string): Promise<void> {
  const entry = await store.get(key);
  if (!entry) return;
  const { error: _dropped, ...rest } = entry;
  await store.set(key, { ...rest, state: 'PENDING' });
}

export interface Outbox {
  enqueue<P>(entry: NewEntry<P>): Promise<OutboxEntry<P>>;
  /** Runs passes until one leaves nothing new to send; concurrent callers share the running pass. */
  flush(): Promise<FlushResult>;
  list(scope?: string): Promise<OutboxEntry[]>;
  discard(key: string): Promise<void>;
  retry(key: string): Promise<void>;
  /** The server id a sent entry got (a finding's id for its queued photos). */
  serverId(key: string): Promise<string | undefined>;
  subscribe(listener: () => void): () => void;
}

/**
 * The outbox object pages use. Writes to the store are chained so two quick taps cannot interleave their
 * read-modify-write; flushing is single-flight in this tab (the server's clientId idempotency covers other tabs).
 */
export function createOutbox(store: KeyValueStore<OutboxEntry>, ids: KeyValueStore<string>, send: Sender): Outbox {
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of listeners) l();
  };
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <R>(work: () => Promise<R>): Promise<R> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };
  let running: Promise<FlushResult> | null = null;
  let again = false;

  const loop = async (): Promise<FlushResult> => {
    const total: FlushResult = { sent: 0, failed: 0, left: 0, interrupted: false };
    do {
      again = false;
      const pass = await serial(() => flushOnce(store, ids, send));
      total.sent += pass.sent;
      total.failed += pass.failed;
      total.left = pass.left;
      total.interrupted = pass.interrupted;
      if (pass.sent + pass.failed > 0) changed();
      // Something sent may have released a dependant (photo of a finding): go round once more.
      if (pass.sent > 0 && pass.left > 0 && !pass.interrupted) again = true;
    } while (again);
    return total;
  };

  return {
    enqueue: async (entry) => {
      const stored = await serial(() => enqueue(store, entry));
      changed();
      return stored;
    },
    flush: () => {
      if (running) {
        again = true;
        return running;
      }
      running = loop().finally(() => {
        running = null;
      });
      return running;
    },
    list: (scope) => listEntries(store, scope),
    discard: async (key) => {
      await serial(() => store.del(key));
      changed();
    },
    retry: async (key) => {
      await serial(() => retryEntry(store, key));
      changed();
    },
    serverId: (key) => ids.get(key),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
