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

/** ENROLLMENT sources, their synthetic masked copies, and templates learned from gate passes (issue 14). */
export type TemplateSource = 'UPLOAD' | 'WEBCAM' | 'IMPORT' | 'GATE' | 'SYNTHETIC_MASK' | LearnedSource;
export type LearnedSource = 'GATE_AUTO' | 'GATE_REVIEW';
export const LEARNED_SOURCES: readonly LearnedSource[] = ['GATE_AUTO', 'GATE_REVIEW'];

export interface NewTemplate {
  personId: string;
  source: TemplateSource;
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
  /** Learned templates: the gate pass they were taken from, and when. */
  sightingId?: string | null;
  learnedAt?: Date | null;
  /** The stored enrollment photo this template was made from (re-embedding on an engine change). */
  photoId?: string | null;
}

export async function insertTemplate(db: Db, t: NewTemplate): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO face_templates (id, person_id, source, derived_from, engine, embedding_size, embedding, upper_embedding,
       maskedness, quality, file_name, created_by, created_at, source_camera_id, sighting_id, learned_at, photo_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)`,
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
      t.sightingId ?? null,
      t.learnedAt ?? null,
      t.photoId ?? null,
    ],
  );
  return id;
}

export async function deleteTemplatesOf(db: Db, personId: string): Promise<number> {
  const rows = await db.query<{ id: string }>('DELETE FROM face_templates WHERE person_id = $1 RETURNING id', [personId]);
  return rows.length;
}

/** Deletes the templates a person learned from gate passes (their consent no longer covers gate learning). */
export async function deleteLearnedTemplatesOf(db: Db, personId: string): Promise<number> {
  const rows = await db.query<{ id: string }>('DELETE FROM face_templates WHERE person_id = $1 AND source = ANY($2::text[]) RETURNING id', [
    personId,
    LEARNED_SOURCES,
  ]);
  return rows.length;
}

export async function deleteTemplates(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length) await db.query('DELETE FROM face_templates WHERE id = ANY($1::uuid[])', [ids]);
}

/**
 * Template counts of a person, all engines: `photos` made from photos or gate-enrollment samples and their `synthetic`
 * masked copies. Templates learned from gate passes are counted apart (countLearnedTemplates).
 */
export async function countTemplates(db: Db, personId: string): Promise<{ photos: number; synthetic: number }> {
  const rows = await db.query<{ source: string; n: number }>(
    'SELECT source, count(*)::int AS n FROM face_templates WHERE person_id = $1 AND source <> ALL($2::text[]) GROUP BY source',
    [personId, LEARNED_SOURCES],
  );
  const synthetic = rows.find((r) => r.source === 'SYNTHETIC_MASK')?.n ?? 0;
  return { photos: rows.reduce((s, r) => s + r.n, 0) - synthetic, synthetic };
}

/** Templates a person learned from gate passes (issue 14), all engines, and when the latest was learned. */
export async function countLearnedTemplates(db: Db, personId: string): Promise<{ learned: number; lastLearnedAt: Date | null }> {
  const [r] = await db.query<{ n: number; last: Date | null }>(
    'SELECT count(*)::int AS n, max(learned_at) AS last FROM face_templates WHERE person_id = $1 AND source = ANY($2::text[])',
    [personId, LEARNED_SOURCES],
  );
  return { learned: r?.n ?? 0, lastLearnedAt: r?.last ?? null };
}

/** One template of a person, with where it came from (the learning job and the person's template listing). */
export interface StoredTemplate {
  id: string;
  personId: string;
  source: TemplateSource;
  engine: string;
  full: Float32Array;
  upper: Float32Array;
  maskedness: number;
  createdAt: Date;
  learnedAt: Date | null;
  sightingId: string | null;
}

/** A person's templates of one engine (oldest first). */
export async function templatesOf(db: Db, personId: string, engine: string): Promise<StoredTemplate[]> {
  const rows = await db.query<{
    id: string;
    person_id: string;
    source: TemplateSource;
    engine: string;
    embedding: Uint8Array;
    upper_embedding: Uint8Array;
    maskedness: number;
    created_at: Date;
    learned_at: Date | null;
    sighting_id: string | null;
  }>(
    `SELECT id, person_id, source, engine, embedding, upper_embedding, maskedness, created_at, learned_at, sighting_id
       FROM face_templates WHERE person_id = $1 AND engine = $2 ORDER BY created_at, id`,
    [personId, engine],
  );
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    source: r.source,
    engine: r.engine,
    full: fromBytes(r.embedding),
    upper: fromBytes(r.upper_embedding),
    maskedness: r.maskedness,
    createdAt: r.created_at,
    learnedAt: r.learned_at,
    sightingId: r.sighting_id,
  }));
}

/** Persons with at least one template of `engine`, among `personIds`. */
export async function personsWithTemplates(db: Db, engine: string, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db.query<{ person_id: string }>(
    'SELECT DISTINCT person_id FROM face_templates WHERE engine = $1 AND person_id = ANY($2::uuid[])',
    [engine, personIds],
  );
  return new Set(rows.map((r) => r.person_id));
}

/**
 * The gallery a gate camera matches against: templates of the given engine for working staff of the camera's unit
 * and its sub-units, whose latest consent is GIVEN (a withdrawal deletes templates, this is a second safeguard).
 * Templates learned from gate passes (issue 14) are ordinary templates here, bare or masked by their maskedness; they
 * count only while the latest consent also covers gate learning.
 */
export async function loadGallery(db: Db, unitId: string, engine: string): Promise<Template[]> {
  const rows = await db.query<{ person_id: string; embedding: Uint8Array; upper_embedding: Uint8Array; maskedness: number }>(
    `WITH RECURSIVE subtree(id) AS (
       SELECT id FROM org_units WHERE id = $1
       UNION SELECT u.id FROM org_units u JOIN subtree s ON u.parent_id = s.id
     ),
     consent AS (
       SELECT DISTINCT ON (person_id) person_id, decision, gate_learning FROM biometric_consents ORDER BY person_id, recorded_at DESC, id
     )
     SELECT t.person_id, t.embedding, t.upper_embedding, t.maskedness
       FROM face_templates t
       JOIN persons p ON p.id = t.person_id
       JOIN consent c ON c.person_id = t.person_id AND c.decision = 'GIVEN'
      WHERE t.engine = $2 AND p.status <> 'LEFT' AND p.unit_id IN (SELECT id FROM subtree)
        AND (c.gate_learning OR t.source <> ALL($3::text[]))`,
    [unitId, engine, LEARNED_SOURCES],
  );
  return rows.map((r) => ({
    personId: r.person_id,
    full: fromBytes(r.embedding),
    upper: fromBytes(r.upper_embedding),
    maskedness: r.maskedness,
  }));
}
