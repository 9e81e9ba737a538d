import type { Db } from '../../platform/ports/db';

/** Statistics reads over the module's tables (the org tree and unit types come from org's index). */

export interface StatInspection {
  id: string;
  kind: 'PLANNED' | 'SURPRISE' | 'INTER_AGENCY' | 'ON_COMPLAINT';
  issuer_unit_id: string;
  target_unit_id: string;
  started_at: Date | null;
  planned_from: Date;
  findings: number;
  violations: number;
}

/** Inspections past their draft whose date (start on site, else planned start) falls in [from, to). */
export async function inspectionsIn(db: Db, from: Date, to: Date): Promise<StatInspection[]> {
  return db.query<StatInspection>(
    `SELECT i.id, i.kind, i.issuer_unit_id, i.target_unit_id, i.started_at, i.planned_from,
            (SELECT count(*) FROM inspection_findings f WHERE f.inspection_id = i.id)::int AS findings,
            (SELECT count(*) FROM inspection_findings f WHERE f.inspection_id = i.id AND f.violation_id IS NOT NULL)::int AS violations
       FROM inspections i
      WHERE i.state <> 'DRAFT' AND COALESCE(i.started_at, i.planned_from) >= $1 AND COALESCE(i.started_at, i.planned_from) < $2
        AND NOT (i.kind = 'SURPRISE' AND i.started_at IS NULL)`,
    [from.toISOString(), to.toISOString()],
  );
}

/** Findings and failed verdicts per item code over the given inspections. */
export async function findingsByItem(db: Db, ids: readonly string[]): Promise<Array<{ code: string; title_vi: string; title_en: string; findings: number; failed: number }>> {
  if (ids.length === 0) return [];
  return db.query(
    `SELECT it.code, min(it.title_vi) AS title_vi, min(it.title_en) AS title_en,
            (SELECT count(*) FROM inspection_findings f JOIN inspection_checklist_items i2 ON i2.id = f.item_id
              WHERE i2.code = it.code AND f.inspection_id = ANY($1::uuid[]))::int AS findings,
            (SELECT count(*) FROM inspection_item_results r JOIN inspection_checklist_items i3 ON i3.id = r.item_id
              WHERE i3.code = it.code AND r.verdict = 'FAIL' AND r.inspection_id = ANY($1::uuid[]))::int AS failed
       FROM inspection_checklist_items it
      WHERE it.checklist_id IN (SELECT checklist_id FROM inspections WHERE id = ANY($1::uuid[]))
      GROUP BY it.code ORDER BY min(it.ord)`,
    [[...ids]],
  );
}
