import type { Db } from '../ports/db';

/**
 * The owner of a stored file: the unit whose data it is and, when it is about one person, that person. Every code
 * path that stores a blob on the server records its owner in the same transaction as the record that points to it;
 * every route that serves a blob checks the owner (see `readableBlobOwner` callers), not the record that names it.
 */
export interface BlobOwner {
  key: string;
  /** e.g. 'punch_evidence', 'recording_evidence', 'sighting', 'explanation_attachment', 'face_template'. */
  kind: string;
  unitId: string | null;
  personId: string | null;
  /** Who stored it: 'user:<id>', 'source:<id>', 'camera:<id>', 'system'. */
  createdBy: string;
}

export async function recordBlobOwner(db: Db, owner: BlobOwner): Promise<void> {
  await db.query(
    `INSERT INTO blob_owners (key, kind, unit_id, person_id, created_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (key) DO NOTHING`,
    [owner.key, owner.kind, owner.unitId, owner.personId, owner.createdBy],
  );
}

export async function findBlobOwner(db: Db, key: string): Promise<BlobOwner | undefined> {
  const [r] = await db.query<{ key: string; kind: string; unit_id: string | null; person_id: string | null; created_by: string }>(
    'SELECT key, kind, unit_id, person_id, created_by FROM blob_owners WHERE key = $1',
    [key],
  );
  return r ? { key: r.key, kind: r.kind, unitId: r.unit_id, personId: r.person_id, createdBy: r.created_by } : undefined;
}

export async function forgetBlobOwner(db: Db, key: string): Promise<void> {
  await db.query('DELETE FROM blob_owners WHERE key = $1', [key]);
}
