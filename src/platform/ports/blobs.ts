import type { Readable } from 'node:stream';

/**
 * Blob storage port for recordings, snapshots, evidence and imported files. Keys are relative POSIX paths
 * (`evidence/2026/11/abc.mp4`); adapters refuse keys that try to leave the store.
 */
export interface BlobStat {
  key: string;
  size: number;
  modifiedAt: Date;
}

export interface BlobStore {
  put(key: string, data: Buffer | Readable, contentType?: string): Promise<BlobStat>;
  get(key: string): Promise<Readable>;
  getBuffer(key: string): Promise<Buffer>;
  stat(key: string): Promise<BlobStat | undefined>;
  delete(key: string): Promise<void>;
  list(prefix: string): AsyncIterable<BlobStat>;
  readonly description: string;
}

/** Rejects absolute paths, `..`, backslashes and control characters in blob keys. */
export function assertSafeKey(key: string): string {
  const bad =
    key.length === 0 ||
    key.length > 512 ||
    key.startsWith('/') ||
    key.includes('\\') ||
    /[\u0000-\u001f]/.test(key) ||
    key.split('/').some((part) => part === '..' || part === '.' || part === '');
  if (bad) throw new Error(`unsafe blob key: ${JSON.stringify(key)}`);
  return key;
}
