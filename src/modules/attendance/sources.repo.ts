import type { Db } from '../../platform/ports/db';

/** Punch sources: registration, settings and the list with each source's health, as the routes need them. */

/** The source's unit (null: registered by server code, no unit); undefined when no such source. */
export async function findSourceUnit(db: Db, id: string): Promise<{ unit_id: string | null } | undefined> {
  const [src] = await db.query<{ unit_id: string | null }>('SELECT unit_id FROM punch_sources WHERE id = $1', [id]);
  return src;
}

export interface SourceListRow {
  id: string;
  kind: 'CAMERA' | 'DEVICE' | 'MANUAL' | 'MOBILE' | 'IMPORT';
  name: string;
  unitId: string | null;
  heartbeatIntervalSeconds: number;
  lastHeartbeatAt: Date | null;
  lastEventAt: Date | null;
  tokenIssuedAt: Date | null;
  offline: boolean;
  clockOffsetMs: number | null;
}

/** Sources of the given units, and with `withoutUnit` also those of no unit; with open outage and clock offset. */
export async function listSources(db: Db, units: readonly string[], withoutUnit: boolean): Promise<SourceListRow[]> {
  return db.query<SourceListRow>(
    `SELECT s.id, s.kind, s.name, s.unit_id AS "unitId", s.heartbeat_interval_seconds AS "heartbeatIntervalSeconds",
              s.last_heartbeat_at AS "lastHeartbeatAt", s.last_event_at AS "lastEventAt", s.token_issued_at AS "tokenIssuedAt",
              EXISTS (SELECT 1 FROM source_outages o WHERE o.source_id = s.id AND o.ended_at IS NULL) AS offline,
              (SELECT offset_ms FROM source_clock_corrections c WHERE c.source_id = s.id AND c.valid_to IS NULL LIMIT 1) AS "clockOffsetMs"
         FROM punch_sources s
        WHERE (s.unit_id = ANY($1::uuid[]) OR ($2 AND s.unit_id IS NULL))
          -- Manual punches and approved corrections are recorded under internal sources: no device, no health.
          AND s.kind NOT IN ('MANUAL', 'CORRECTION')
        ORDER BY s.id`,
    [units, withoutUnit],
  );
}

/** Registers a source; false when the id is taken (an existing source is never taken over). */
export async function insertSource(
  db: Db,
  s: { id: string; kind: string; name: string; unitId: string; heartbeatIntervalSeconds: number },
): Promise<boolean> {
  const ins = await db.query(
    `INSERT INTO punch_sources (id, kind, name, unit_id, heartbeat_interval_seconds) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [s.id, s.kind, s.name, s.unitId, s.heartbeatIntervalSeconds],
  );
  return ins.length > 0;
}

/** Changes the given settings of a source; null keeps the stored value. */
export async function updateSource(
  db: Db,
  id: string,
  s: { name: string | null; unitId: string | null; heartbeatIntervalSeconds: number | null },
): Promise<void> {
  await db.query(
    `UPDATE punch_sources SET name = COALESCE($2, name), unit_id = COALESCE($3, unit_id),
                  heartbeat_interval_seconds = COALESCE($4, heartbeat_interval_seconds) WHERE id = $1`,
    [id, s.name, s.unitId, s.heartbeatIntervalSeconds],
  );
}
