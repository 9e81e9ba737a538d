import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import type { ChainVerdict } from './audit.service';

/**
 * The hash chain proves that no past row was changed or removed from the middle, but not that the newest rows were
 * not cut off the end. Anchors close that gap: the head (seq, hash) is copied regularly to the blob store (another
 * medium, ideally another machine with S3), and verification checks that the chain still reaches every anchor.
 */
export interface AuditAnchor {
  seq: number;
  hash: string;
  at: string;
}

const PREFIX = 'audit/anchors/';

export async function writeAnchor(db: Db, blobs: BlobStore, now: Date): Promise<AuditAnchor | undefined> {
  const head = await db.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  if (!head[0]) return undefined;
  const anchor: AuditAnchor = { seq: head[0].seq, hash: head[0].hash, at: now.toISOString() };
  await blobs.put(`${PREFIX}${String(anchor.seq).padStart(12, '0')}.json`, Buffer.from(JSON.stringify(anchor)));
  return anchor;
}

export async function latestAnchor(blobs: BlobStore): Promise<AuditAnchor | undefined> {
  let last: string | undefined;
  for await (const b of blobs.list(PREFIX)) if (!last || b.key > last) last = b.key;
  return last ? (JSON.parse((await blobs.getBuffer(last)).toString('utf8')) as AuditAnchor) : undefined;
}

/** Adds the anchor check to a chain verdict: the row at the anchor's seq must still exist with the anchored hash. */
export async function checkAnchor(db: Db, blobs: BlobStore, verdict: ChainVerdict): Promise<ChainVerdict> {
  if (!verdict.ok) return verdict;
  const anchor = await latestAnchor(blobs);
  if (!anchor) return verdict;
  const row = await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [anchor.seq]);
  if (row[0]?.hash === anchor.hash) return verdict;
  return {
    ...verdict,
    ok: false,
    brokenAt: { seq: anchor.seq, problem: 'row_missing', expected: `anchored hash ${anchor.hash} (${anchor.at})`, found: row[0]?.hash ?? 'no row' },
  };
}
