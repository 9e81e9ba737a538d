import type { Db } from '../../platform/ports/db';
import type { GatePass, GatePassQuery } from './passes.dto';

/** Reads of gate passes (face_sightings rows, one per pass since issue 14) for the passes page and gate statistics. */

const SORT_SQL: Record<GatePassQuery['sort'], string> = {
  seenAt: 's.first_seen_at',
  score: 's.score',
  latency: 's.decision_latency_ms',
  frames: 's.frames',
};

interface PassRow {
  id: string;
  camera_id: string;
  camera_name: string | null;
  unit_id: string;
  first_seen_at: Date;
  verdict: GatePass['verdict'];
  review_reason: string | null;
  review_status: GatePass['reviewStatus'];
  person_id: string | null;
  person_name: string | null;
  employee_code: string | null;
  score: number | null;
  masked: boolean;
  liveness: number | null;
  frames: number;
  fragments: number;
  decision_latency_ms: number | null;
  snapshot_key: string | null;
  punch_id: string | null;
  reviewer: string | null;
}

/** The filter of the list, as SQL over `face_sightings s` with its parameters (units first). */
function where(unitIds: string[], q: Omit<GatePassQuery, 'sort' | 'order' | 'page' | 'pageSize'>): { sql: string; params: unknown[] } {
  const params: unknown[] = [unitIds];
  const parts = ['s.unit_id = ANY($1::uuid[])'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(sql.replace('?', `$${params.length}`));
  };
  if (q.cameraId) add('s.camera_id = ?', q.cameraId);
  if (q.verdict === 'LIVENESS') parts.push(`s.verdict = 'REVIEW' AND s.review_reason = 'LOW_LIVENESS'`);
  else if (q.verdict) add('s.verdict = ?', q.verdict);
  if (q.masked !== undefined) add('s.masked = ?', q.masked);
  if (q.from) add('s.first_seen_at >= ?', new Date(q.from));
  if (q.to) add('s.first_seen_at < ?', new Date(q.to));
  if (q.personId) add('s.person_id = ?', q.personId);
  return { sql: parts.join(' AND '), params };
}

export async function listPasses(db: Db, unitIds: string[], q: GatePassQuery): Promise<{ items: GatePass[]; total: number }> {
  const { sql, params } = where(unitIds, q);
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM face_sightings s WHERE ${sql}`, params);
  // Nulls (no score, no latency) last whatever the direction; the id breaks ties so pages never overlap.
  const order = `${SORT_SQL[q.sort]} ${q.order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, s.id`;
  const rows = await db.query<PassRow>(
    `SELECT s.id, s.camera_id, c.name AS camera_name, s.unit_id, s.first_seen_at, s.verdict, s.review_reason, s.review_status,
            s.person_id, p.full_name AS person_name, p.employee_code, s.score, s.masked, s.liveness, s.frames, s.fragments,
            s.decision_latency_ms, s.snapshot_key, s.punch_id, u.display_name AS reviewer
       FROM face_sightings s
       LEFT JOIN cameras c ON c.id = s.camera_id
       LEFT JOIN persons p ON p.id = s.person_id
       LEFT JOIN users u ON u.id = s.reviewed_by
      WHERE ${sql}
      ORDER BY ${order}
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, q.pageSize, (q.page - 1) * q.pageSize],
  );
  return {
    total: count?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      cameraId: r.camera_id,
      cameraName: r.camera_name,
      unitId: r.unit_id,
      seenAt: r.first_seen_at,
      verdict: r.verdict,
      reviewReason: r.review_reason,
      reviewStatus: r.review_status,
      personId: r.person_id,
      personName: r.person_name,
      employeeCode: r.employee_code,
      score: r.score,
      masked: r.masked,
      liveness: r.liveness,
      frames: r.frames,
      fragments: r.fragments,
      decisionLatencyMs: r.decision_latency_ms,
      hasSnapshot: r.snapshot_key !== null,
      punchId: r.punch_id,
      reviewedBy: r.reviewer,
    })),
  };
}

export interface WindowRow {
  camera_id: string;
  passes: number;
  auto: number;
  review: number;
  unknown: number;
  liveness: number;
  pending: number;
  merged: number;
  p50: number | null;
  p95: number | null;
}

/** Per camera of the given units: what the passes first seen in [from, to) came to. */
export async function passAggregates(db: Db, unitIds: string[], from: Date, to: Date): Promise<Map<string, WindowRow>> {
  const rows = await db.query<WindowRow>(
    `SELECT camera_id,
            count(*)::int AS passes,
            (count(*) FILTER (WHERE verdict = 'AUTO'))::int AS auto,
            (count(*) FILTER (WHERE verdict = 'REVIEW'))::int AS review,
            (count(*) FILTER (WHERE verdict = 'UNKNOWN'))::int AS unknown,
            (count(*) FILTER (WHERE verdict = 'REVIEW' AND review_reason = 'LOW_LIVENESS'))::int AS liveness,
            (count(*) FILTER (WHERE review_status = 'PENDING'))::int AS pending,
            COALESCE(sum(fragments - 1), 0)::int AS merged,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY decision_latency_ms)::float8 AS p50,
            percentile_cont(0.95) WITHIN GROUP (ORDER BY decision_latency_ms)::float8 AS p95
       FROM face_sightings
      WHERE unit_id = ANY($1::uuid[]) AND first_seen_at >= $2 AND first_seen_at < $3
      GROUP BY camera_id`,
    [unitIds, from, to],
  );
  return new Map(rows.map((r) => [r.camera_id, r]));
}

/**
 * The gate's own picture of a person, when no enrollment photo is stored (enrollments before migration 0725 kept
 * templates only): the snapshot of the person's latest pass punched automatically or confirmed by a reviewer.
 */
export async function latestConfirmedSnapshot(db: Db, personId: string): Promise<{ id: string; snapshot_key: string; unit_id: string } | undefined> {
  return (
    await db.query<{ id: string; snapshot_key: string; unit_id: string }>(
      `SELECT id, snapshot_key, unit_id FROM face_sightings
        WHERE person_id = $1 AND snapshot_key IS NOT NULL AND (verdict = 'AUTO' OR review_status = 'CONFIRMED')
        ORDER BY first_seen_at DESC LIMIT 1`,
      [personId],
    )
  )[0];
}

/** The person's latest stored enrollment photo (kept since issue 14 for re-embedding; erased with the templates). */
export async function latestEnrollmentPhoto(db: Db, personId: string): Promise<{ id: string; blob_key: string } | undefined> {
  return (
    await db.query<{ id: string; blob_key: string }>(
      'SELECT id, blob_key FROM face_enrollment_photos WHERE person_id = $1 AND erased_at IS NULL ORDER BY created_at DESC, id LIMIT 1',
      [personId],
    )
  )[0];
}

/** Which of these people have a reference face (an enrollment photo or a confirmed pass), so the review page asks only for those. */
export async function personsWithReference(db: Db, personIds: string[]): Promise<string[]> {
  const rows = await db.query<{ person_id: string }>(
    `SELECT person_id FROM face_enrollment_photos WHERE person_id = ANY($1::uuid[]) AND erased_at IS NULL
     UNION
     SELECT person_id FROM face_sightings
      WHERE person_id = ANY($1::uuid[]) AND snapshot_key IS NOT NULL AND (verdict = 'AUTO' OR review_status = 'CONFIRMED')`,
    [personIds],
  );
  return rows.map((r) => r.person_id);
}
