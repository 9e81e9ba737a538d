import type { Db } from '../ports/db';

/**
 * What kinds of file the server stores, as recorded in `blob_owners.kind`. A route that serves a file names the kinds
 * it may serve: a record of one kind that points at a file of another kind is answered 404.
 */
export const BLOB_KINDS = {
  /** Giải trình attachments: unit and person of the violation. */
  explanationAttachment: 'explanation_attachment',
  /** Exported clip or snapshot, and its manifest: the camera's unit. */
  recordingEvidence: 'recording_evidence',
  recordingEvidenceManifest: 'recording_evidence_manifest',
  /** The snapshot of a gate pass: the camera's unit, and the person when the pass was matched. */
  sighting: 'sighting',
  /** A face crop collected during a gate enrollment period: the period's unit. */
  enrollmentSample: 'face_enrollment_sample',
  /** A stored enrollment photo (kept to re-embed on an engine change): the person and their unit. */
  enrollmentPhoto: 'face_enrollment_photo',
  /** Staff import workbook and its error report: no unit (an import spans units), owned by the user who ran it. */
  staffImportSource: 'staff_import_source',
  staffImportReport: 'staff_import_report',
  /** A picture a punch source uploaded for its own punch (attendance module). */
  punchEvidence: 'punch_evidence',
  /** A photo taken during a public-service inspection, and the inspection's minutes/conclusion DOCX: the inspected unit. */
  inspectionPhoto: 'inspection_photo',
  inspectionDocument: 'inspection_document',
} as const;

/** `createdBy` for a blob a signed-in user caused to be stored, or the system. */
export function blobCreator(actor: { id?: string | null }): string {
  return actor.id ? `user:${actor.id}` : 'system';
}

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

/** Names the person a stored file turned out to be about (a gate pass a reviewer confirmed). */
export async function setBlobOwnerPerson(db: Db, key: string, personId: string): Promise<void> {
  await db.query('UPDATE blob_owners SET person_id = $2 WHERE key = $1', [key, personId]);
}

/** Forgets several keys at once (a group of face crops, a deleted export and its manifest). */
export async function forgetBlobOwners(db: Db, keys: readonly string[]): Promise<void> {
  if (keys.length) await db.query('DELETE FROM blob_owners WHERE key = ANY($1::text[])', [keys]);
}

/** Forgets every key under a folder-like prefix (`faces/enrollment/<period>/`), for purges that delete by prefix. */
export async function forgetBlobOwnersUnder(db: Db, prefix: string): Promise<void> {
  if (!prefix.endsWith('/') || /[%_\\]/.test(prefix)) throw new Error(`not a plain folder prefix: ${prefix}`);
  await db.query("DELETE FROM blob_owners WHERE key LIKE $1 || '%'", [prefix]);
}
