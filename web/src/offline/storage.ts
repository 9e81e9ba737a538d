/**
 * The storage the device queue and drafts run on. The browser backs it with IndexedDB (idb.ts); tests back it with a
 * Map (memoryStore), so the queue logic is tested as plain functions without a browser.
 */
export interface KeyValueStore<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T): Promise<void>;
  del(key: string): Promise<void>;
  /** Every entry; order is not guaranteed (callers sort). */
  entries(): Promise<Array<[string, T]>>;
}

export function memoryStore<T>(initial: Array<[string, T]> = []): KeyValueStore<T> {
  const map = new Map<string, T>(initial);
  return {
    get: async (key) => map.get(key),
    set: async (key, value) => {
      map.set(key, value);
    },
    del: async (key) => {
      map.delete(key);
    },
    entries: async () => [...map.entries()],
  };
}
