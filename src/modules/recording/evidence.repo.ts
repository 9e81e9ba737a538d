import type { Db } from '../../platform/ports/db';
import type { EvidenceRow } from './evidence.service';

/** Reads and small writes of evidence_exports and evidence_links used by the evidence, incident and timeline routes. */

export interface EvidenceFilter {
  /** Units whose exports the caller may see. */
  unitIds: string[];
  cameraId?: string;
  kind?: 'CLIP' | 'SNAPSHOT';
  page: number;
  pageSize: number;
}

/** One page of the evidence library, newest first, with the total of the filter. */
export async function listEvidence(db: Db, f: EvidenceFilter): Promise<{ total: number; rows: EvidenceRow[] }> {
  const params: unknown[] = [f.unitIds];
  const where = ['unit_id = ANY($1::uuid[])'];
  if (f.cameraId) where.push(`camera_id = $${params.push(f.cameraId)}`);
  if (f.kind) where.push(`kind = $${params.push(f.kind)}`);
  const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM evidence_exports WHERE ${where.join(' AND ')}`, params))[0]?.n ?? 0;
  const rows = await db.query<EvidenceRow>(
    `SELECT * FROM evidence_exports WHERE ${where.join(' AND ')} ORDER BY created_at DESC
          LIMIT $${params.push(f.pageSize)} OFFSET $${params.push((f.page - 1) * f.pageSize)}`,
    params,
  );
  return { total, rows };
}

/** Exports of a camera whose footage overlaps [from, to] (the playback timeline). */
export async function exportsInRange(
  db: Db,
  cameraId: string,
  from: Date,
  to: Date,
): Promise<Array<{ id: string; kind: string; actual_from: Date; actual_to: Date; reason: string }>> {
  return db.query<{ id: string; kind: string; actual_from: Date; actual_to: Date; reason: string }>(
    `SELECT id, kind, actual_from, actual_to, reason FROM evidence_exports
        WHERE camera_id = $1 AND actual_to >= $2 AND actual_from <= $3 ORDER BY actual_from`,
    [cameraId, from.toISOString(), to.toISOString()],
  );
}

export interface EvidenceLinkRow {
  target_type: 'VIOLATION' | 'INCIDENT';
  target_id: string;
  created_at: Date;
}

export async function evidenceLinks(db: Db, exportId: string): Promise<EvidenceLinkRow[]> {
  return db.query<EvidenceLinkRow>('SELECT target_type, target_id, created_at FROM evidence_links WHERE export_id = $1 ORDER BY created_at', [exportId]);
}

/** True when the export is attached to a violation or an incident (it may then not be deleted). */
export async function isEvidenceLinked(db: Db, exportId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM evidence_links WHERE export_id = $1', [exportId])).length > 0;
}

/** Exports attached to an incident, in footage order. */
export async function evidenceOfIncident(db: Db, incidentId: string): Promise<EvidenceRow[]> {
  return db.query<EvidenceRow>(
    `SELECT e.* FROM evidence_exports e JOIN evidence_links l ON l.export_id = e.id
        WHERE l.target_type = 'INCIDENT' AND l.target_id = $1 ORDER BY e.actual_from`,
    [incidentId],
  );
}

export async function setEvidenceHold(db: Db, exportId: string, hold: boolean): Promise<void> {
  await db.query('UPDATE evidence_exports SET legal_hold = $2 WHERE id = $1', [exportId, hold]);
}

export async function deleteEvidenceRow(db: Db, exportId: string): Promise<void> {
  await db.query('DELETE FROM evidence_exports WHERE id = $1', [exportId]);
}
