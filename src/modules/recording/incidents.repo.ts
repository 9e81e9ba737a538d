import type { Db } from '../../platform/ports/db';

/** Incidents (e.g. a motorbike missing from the parking lot) and the footage searched for them. */

export interface IncidentRow {
  id: string;
  unit_id: string;
  title: string;
  description: string;
  occurred_from: Date | null;
  occurred_to: Date | null;
  status: 'OPEN' | 'CLOSED';
  created_at: Date;
  updated_at: Date;
}

export interface IncidentFootageRow {
  id: string;
  camera_id: string;
  range_from: Date;
  range_to: Date;
  note: string;
  created_at: Date;
}

export async function getIncident(db: Db, id: string): Promise<IncidentRow | undefined> {
  return (await db.query<IncidentRow>('SELECT * FROM incidents WHERE id = $1', [id]))[0];
}

export async function incidentExists(db: Db, id: string): Promise<boolean> {
  return (await db.query('SELECT id FROM incidents WHERE id = $1', [id])).length > 0;
}

/** The latest 500 incidents of the given units, optionally of one status. */
export async function listIncidents(db: Db, unitIds: string[], status?: 'OPEN' | 'CLOSED'): Promise<IncidentRow[]> {
  const params: unknown[] = [unitIds];
  const where = ['unit_id = ANY($1::uuid[])'];
  if (status) where.push(`status = $${params.push(status)}`);
  return db.query<IncidentRow>(`SELECT * FROM incidents WHERE ${where.join(' AND ')} ORDER BY created_at DESC LIMIT 500`, params);
}

export async function insertIncident(
  db: Db,
  i: { id: string; unitId: string; title: string; description: string; occurredFrom: string | null; occurredTo: string | null; createdBy: string | null },
): Promise<IncidentRow> {
  const rows = await db.query<IncidentRow>(
    `INSERT INTO incidents (id, unit_id, title, description, occurred_from, occurred_to, created_by)
           VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING *`,
    [i.id, i.unitId, i.title, i.description, i.occurredFrom, i.occurredTo, i.createdBy],
  );
  return rows[0] as IncidentRow;
}

/** Changes the given fields (null keeps the current value) and touches updated_at. */
export async function updateIncident(
  db: Db,
  id: string,
  patch: { title: string | null; description: string | null; status: 'OPEN' | 'CLOSED' | null },
): Promise<IncidentRow> {
  const rows = await db.query<IncidentRow>(
    `UPDATE incidents SET title = COALESCE($2, title), description = COALESCE($3, description), status = COALESCE($4, status),
                  updated_at = now() WHERE id = $1 RETURNING *`,
    [id, patch.title, patch.description, patch.status],
  );
  return rows[0] as IncidentRow;
}

export async function incidentFootage(db: Db, incidentId: string): Promise<IncidentFootageRow[]> {
  return db.query<IncidentFootageRow>(
    'SELECT id, camera_id, range_from, range_to, note, created_at FROM incident_footage WHERE incident_id = $1 ORDER BY range_from',
    [incidentId],
  );
}

export async function insertIncidentFootage(
  db: Db,
  f: { id: string; incidentId: string; cameraId: string; from: string; to: string; note: string; searchedBy: string | null },
): Promise<void> {
  await db.query(
    'INSERT INTO incident_footage (id, incident_id, camera_id, range_from, range_to, note, searched_by) VALUES ($1,$2,$3,$4,$5,$6,$7)',
    [f.id, f.incidentId, f.cameraId, f.from, f.to, f.note, f.searchedBy],
  );
}
