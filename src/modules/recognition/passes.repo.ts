import { quantiles } from '../../platform/math/quantile';
import type { Db } from '../../platform/ports/db';
import { localDateOf } from '../../platform/time';
import { userDisplayNames } from '../auth';
import { listCameras } from '../cameras';
import { personsOnDate } from '../people';
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
  unit_id: string;
  first_seen_at: Date;
  verdict: GatePass['verdict'];
  review_reason: string | null;
  review_status: GatePass['reviewStatus'];
  person_id: string | null;
  score: number | null;
  masked: boolean;
  liveness: number | null;
  frames: number;
  fragments: number;
  decision_latency_ms: number | null;
  snapshot_key: string | null;
  punch_id: string | null;
  reviewed_by: string | null;
}

/**
 * Names of the cameras, people and reviewing accounts a page of passes or review items shows, read through their
 * owners' public functions (cameras, people, auth) rather than by joining their tables: a page is at most a few
 * hundred rows, so three small look-ups replace the joins.
 */
export async function namesFor(
  db: Db,
  ids: { personIds?: Iterable<string | null>; userIds?: Iterable<string | null> },
): Promise<{ camera: (id: string) => string | null; person: (id: string | null) => { fullName: string; employeeCode: string } | null; user: (id: string | null) => string | null }> {
  const present = (v: Iterable<string | null> | undefined) => [...new Set([...(v ?? [])].filter((x): x is string => x !== null))];
  const [cameras, persons, users] = await Promise.all([
    listCameras(db),
    // Only the names are used: any date gives them.
    personsOnDate(db, present(ids.personIds), localDateOf(new Date())),
    userDisplayNames(db, present(ids.userIds)),
  ]);
  const cameraNames = new Map(cameras.map((c) => [c.id, c.name]));
  const personNames = new Map(persons.map((p) => [p.personId, { fullName: p.fullName, employeeCode: p.employeeCode }]));
  return {
    camera: (id) => cameraNames.get(id) ?? null,
    person: (id) => (id ? (personNames.get(id) ?? null) : null),
    user: (id) => (id ? (users.get(id) ?? null) : null),
  };
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
    `SELECT s.id, s.camera_id, s.unit_id, s.first_seen_at, s.verdict, s.review_reason, s.review_status,
            s.person_id, s.score, s.masked, s.liveness, s.frames, s.fragments,
            s.decision_latency_ms, s.snapshot_key, s.punch_id, s.reviewed_by
       FROM face_sightings s
      WHERE ${sql}
      ORDER BY ${order}
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, q.pageSize, (q.page - 1) * q.pageSize],
  );
  const names = await namesFor(db, { personIds: rows.map((r) => r.person_id), userIds: rows.map((r) => r.reviewed_by) });
  return {
    total: count?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      cameraId: r.camera_id,
      cameraName: names.camera(r.camera_id),
      unitId: r.unit_id,
      seenAt: r.first_seen_at,
      verdict: r.verdict,
      reviewReason: r.review_reason,
      reviewStatus: r.review_status,
      personId: r.person_id,
      personName: names.person(r.person_id)?.fullName ?? null,
      employeeCode: names.person(r.person_id)?.employeeCode ?? null,
      score: r.score,
      masked: r.masked,
      liveness: r.liveness,
      frames: r.frames,
      fragments: r.fragments,
      decisionLatencyMs: r.decision_latency_ms,
      hasSnapshot: r.snapshot_key !== null,
      punchId: r.punch_id,
      reviewedBy: names.user(r.reviewed_by),
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

/**
 * Per camera of the given units: what the passes first seen in [from, to) came to. The latency percentiles are the
 * kernel's quantile over the window's latencies (the same definition as /metrics and the benches; it equals SQL
 * percentile_cont, but one definition lives in one place). A window holds at most a few thousand passes per camera.
 */
export async function passAggregates(db: Db, unitIds: string[], from: Date, to: Date): Promise<Map<string, WindowRow>> {
  const rows = await db.query<Omit<WindowRow, 'p50' | 'p95'> & { latencies: number[] | null }>(
    `SELECT camera_id,
            count(*)::int AS passes,
            (count(*) FILTER (WHERE verdict = 'AUTO'))::int AS auto,
            (count(*) FILTER (WHERE verdict = 'REVIEW'))::int AS review,
            (count(*) FILTER (WHERE verdict = 'UNKNOWN'))::int AS unknown,
            (count(*) FILTER (WHERE verdict = 'REVIEW' AND review_reason = 'LOW_LIVENESS'))::int AS liveness,
            (count(*) FILTER (WHERE review_status = 'PENDING'))::int AS pending,
            COALESCE(sum(fragments - 1), 0)::int AS merged,
            array_agg(decision_latency_ms) FILTER (WHERE decision_latency_ms IS NOT NULL) AS latencies
       FROM face_sightings
      WHERE unit_id = ANY($1::uuid[]) AND first_seen_at >= $2 AND first_seen_at < $3
      GROUP BY camera_id`,
    [unitIds, from, to],
  );
  return new Map(
    rows.map(({ latencies, ...r }) => {
      const [p50, p95] = quantiles((latencies ?? []).map(Number), [0.5, 0.95] as const);
      return [r.camera_id, { ...r, p50, p95 }];
    }),
  );
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
