import type { KeyValueStore } from './storage';

/**
 * A minimal IndexedDB key-value wrapper (no library in node_modules does this, and no package may be added). One
 * database with three object stores: the outbox (queued writes, photos as Blobs — IndexedDB keeps Blobs by
 * structured clone), drafts (what the user typed and has not sent) and a read cache (lists needed offline, e.g. the
 * target unit's staff for the person picker).
 */
const DB_NAME = 'kc-offline';
const DB_VERSION = 1;
export type StoreName = 'outbox' | 'drafts' | 'cache';
const STORES: StoreName[] = ['outbox', 'drafts', 'cache'];

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (opening) return opening;
  opening = new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      for (const name of STORES) if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name);
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading the schema: let it, and reopen on the next call.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    req.onerror = () => {
      opening = null;
      reject(req.error);
    };
  });
  return opening;
}

function run<R>(name: StoreName, mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<R>): Promise<R> {
  return open().then(
    (db) =>
      new Promise<R>((resolve, reject) => {
        const tx = db.transaction(name, mode);
        const req = body(tx.objectStore(name));
        // Resolve on commit, not on the request's success: a write is only durable once its transaction completes.
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error ?? req.error);
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      }),
  );
}

export function idbStore<T>(name: StoreName): KeyValueStore<T> {
  return {
    get: (key) => run<T | undefined>(name, 'readonly', (s) => s.get(key) as IDBRequest<T | undefined>),
    set: async (key, value) => {
      await run(name, 'readwrite', (s) => s.put(value, key));
    },
    del: async (key) => {
      await run(name, 'readwrite', (s) => s.delete(key));
    },
    entries: async () => {
      const db = await open();
      return new Promise<Array<[string, T]>>((resolve, reject) => {
        const tx = db.transaction(name, 'readonly');
        const store = tx.objectStore(name);
        const keys = store.getAllKeys();
        const values = store.getAll();
        tx.oncomplete = () => resolve(keys.result.map((k, i) => [String(k), values.result[i] as T]));
        tx.onerror = () => reject(tx.error);
      });
    },
  };
}

/** True when this browser has IndexedDB (private modes of some browsers do not); callers fall back to memory. */
export function hasIndexedDb(): boolean {
  return typeof indexedDB !== 'undefined';
}
