import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/ports/db';
import type { Template } from './domain/match';

/** Float32 embeddings are stored as little-endian bytea. */
export function toBytes(v: Float32Array): Buffer {
  return Buffer.from(new Float32Array(v).buffer);
}

export function fromBytes(b: Uint8Array): Float32Array {
  const copy = new Uint8Array(b);
  return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
}

export interface NewTemplate {
  personId: string;
  source: 'UPLOAD' | 'WEBCAM' | 'IMPORT' | 'GATE' | 'SYNTHETIC_MASK';
  derivedFrom?: string;
  engine: string;
  embedding: Float32Array;
  upperEmbedding: Float32Array;
  maskedness: number;
  quality?: unknown;
  fileName?: string;
  createdBy?: string | null;
  at: Date;
  /** For source GATE: the camera whose passes the template was taken from. */
  sourceCameraId?: string | null;
}

export async function insertTemplate(db: Db, t: NewTemplate): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO face_templates (id, person_id, source, derived_from, engine, embedding_size, embedding, upper_embedding,
       maskedness, quality, file_name, created_by, created_at, source_camera_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
    [
      id,
      t.personId,
      t.source,
      t.derivedFrom ?? null,
      t.engine,
      t.embedding.length,
      toBytes(t.embedding),
      toBytes(t.upperEmbedding),
      t.maskedness,
      JSON.stringify(t.quality ?? {}),
      t.fileName ?? null,
      t.createdBy ?? null,
      t.at,
      t.sourceCameraId ?? null,
    ],
  );
  return id;
}

export async function deleteTemplatesOf(db: Db, personId: string): Promise<number> {
  const rows = await db.query<{ id: string }>('DELETE FROM face_templates WHERE person_id = $1 RETURNING id', [personId]);
  return rows.length;
}

export async function countTemplates(db: Db, personId: string): Promise<{ photos: number; synthetic: number }> {
  const rows = await db.query<{ source: string; n: number }>(
    'SELECT source, count(*)::int AS n FROM face_templates WHERE person_id = $1 GROUP BY source',
    [personId],
  );
  const synthetic = rows.find((r) => r.source === 'SYNTHETIC_MASK')?.n ?? 0;
  return { photos: rows.reduce((s, r) => s + r.n, 0) - synthetic, synthetic };
}

/**
 * The gallery a gate camera matches against: templates of the given engine for working staff of the camera's unit
 * and its sub-units, whose latest consent is GIVEN (a withdrawal deletes templates, this is a second safeguard).
 */
export async function loadGallery(db: Db, unitId: string, engine: string): Promise<Template[]> {
  const rows = await db.query<{ person_id: string; embedding: Uint8Array; upper_embedding: Uint8Array; maskedness: number }>(
    `WITH RECURSIVE subtree(id) AS (
       SELECT id FROM org_units WHERE id = $1
       UNION SELECT u.id FROM org_units u JOIN subtree s ON u.parent_id = s.id
     ),
     consent AS (
       SELECT DISTINCT ON (person_id) person_id, decision FROM biometric_consents ORDER BY person_id, recorded_at DESC, id
     )
     SELECT t.person_id, t.embedding, t.upper_embedding, t.maskedness
       FROM face_templates t
       JOIN persons p ON p.id = t.person_id
       JOIN consent c ON c.person_id = t.person_id AND c.decision = 'GIVEN'
      WHERE t.engine = $2 AND p.status <> 'LEFT' AND p.unit_id IN (SELECT id FROM subtree)`,
    [unitId, engine],
  );
  return rows.map((r) => ({
    personId: r.person_id,
    full: fromBytes(r.embedding),
    upper: fromBytes(r.upper_embedding),
    maskedness: r.maskedness,
  }));
}
