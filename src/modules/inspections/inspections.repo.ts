import type { Db } from '../../platform/ports/db';
import type { InspectionKind, InspectionState, MemberRole, RemediationState, Verdict } from './domain/states';

/** All SQL on the module's own tables (plain portable SQL: the same on PGlite and PostgreSQL). */

export interface PlanRow {
  id: string;
  issuer_unit_id: string;
  year: number;
  period_label: string;
  title: string;
  note: string;
  created_by: string | null;
  created_at: Date;
}
export interface PlanTargetRow {
  plan_id: string;
  unit_id: string;
  planned_from: string;
  planned_to: string;
}
export interface ChecklistRow {
  id: string;
  code: string;
  version: number;
  title: string;
  created_by: string | null;
  created_at: Date;
}
export interface ItemRow {
  id: string;
  checklist_id: string;
  ord: number;
  code: string;
  title_vi: string;
  title_en: string;
  legal_basis: string;
  per_person: boolean;
  violation_kind: string | null;
}
export interface InspectionRow {
  id: string;
  plan_id: string | null;
  kind: InspectionKind;
  issuer_unit_id: string;
  target_unit_id: string;
  title: string;
  scope: string;
  planned_from: Date;
  planned_to: Date;
  place: string;
  checklist_id: string;
  decision_no: string | null;
  decision_date: string | null;
  decision_signer: string | null;
  state: InspectionState;
  started_at: Date | null;
  ended_at: Date | null;
  representative_name: string | null;
  representative_title: string | null;
  representative_opinion: string | null;
  disagreement: string | null;
  closing_note: string | null;
  closed_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}
export interface MemberRow {
  inspection_id: string;
  user_id: string;
  person_id: string | null;
  role: MemberRole;
  name: string;
  title: string;
}
export interface ResultRow {
  inspection_id: string;
  item_id: string;
  verdict: Verdict | null;
  note: string;
  updated_at: Date;
}
export interface FindingRow {
  id: string;
  inspection_id: string;
  item_id: string;
  person_id: string | null;
  description: string;
  observed_at: Date;
  violation_id: string | null;
  client_id: string;
  created_by: string | null;
  created_at: Date;
}
export interface PhotoRow {
  id: string;
  inspection_id: string;
  finding_id: string | null;
  item_id: string | null;
  blob_key: string;
  sha256: string;
  content_type: string;
  bytes: number;
  taken_at: Date | null;
  lat: number | null;
  lon: number | null;
  client_id: string;
  created_at: Date;
}
export interface EvidenceLinkRow {
  id: string;
  inspection_id: string;
  finding_id: string | null;
  export_id: string;
  kind: 'SNAPSHOT' | 'CLIP';
  camera_id: string;
  sha256: string;
  reason: string;
  created_at: Date;
}
export interface DocumentRow {
  id: string;
  inspection_id: string;
  kind: 'MINUTES' | 'CONCLUSION';
  number_text: string;
  year: number;
  issuer_unit_id: string;
  blob_key: string;
  sha256: string;
  issued_at: Date;
  issued_by: string | null;
}
export interface RecommendationRow {
  id: string;
  inspection_id: string;
  kind: 'REMIND' | 'CRITICIZE' | 'SELF_REVIEW' | 'PROPOSE_DISCIPLINE' | 'FIX';
  text: string;
  person_id: string | null;
  ord: number;
}
export interface RemediationRow {
  id: string;
  inspection_id: string;
  description: string;
  owner_unit_id: string;
  responsible_person_id: string | null;
  due_on: string;
  state: RemediationState;
  report: string | null;
  reported_at: Date | null;
  closed_note: string | null;
  closed_at: Date | null;
  reminded_on: string | null;
  overdue_notified_on: string | null;
  ord: number;
}

// ─── Plans ────────────────────────────────────────────────────────────────────────────────────────────────────────
export async function getPlan(db: Db, id: string): Promise<PlanRow | undefined> {
  return (await db.query<PlanRow>('SELECT * FROM inspection_plans WHERE id = $1', [id]))[0];
}
export async function listPlans(db: Db, f: { issuerUnitIds: string[]; year?: number }): Promise<PlanRow[]> {
  return db.query<PlanRow>(
    `SELECT * FROM inspection_plans WHERE issuer_unit_id = ANY($1::uuid[]) AND ($2::int IS NULL OR year = $2) ORDER BY year DESC, created_at DESC`,
    [f.issuerUnitIds, f.year ?? null],
  );
}
export async function planTargets(db: Db, planIds: readonly string[]): Promise<PlanTargetRow[]> {
  if (planIds.length === 0) return [];
  return db.query<PlanTargetRow>('SELECT * FROM inspection_plan_targets WHERE plan_id = ANY($1::uuid[]) ORDER BY planned_from, unit_id', [[...planIds]]);
}
/** Per plan and target: all inspections, and those a surprise not yet started (only the issuer side may count them). */
export async function inspectionsPerTarget(db: Db, planIds: readonly string[]): Promise<Array<{ plan_id: string; target_unit_id: string; n: number; hidden: number }>> {
  if (planIds.length === 0) return [];
  return db.query(
    `SELECT plan_id, target_unit_id, count(*)::int AS n, count(*) FILTER (WHERE kind = 'SURPRISE' AND started_at IS NULL)::int AS hidden
       FROM inspections WHERE plan_id = ANY($1::uuid[]) GROUP BY plan_id, target_unit_id`,
    [[...planIds]],
  );
}
export async function replacePlanTargets(tx: Db, planId: string, targets: ReadonlyArray<{ unitId: string; plannedFrom: string; plannedTo: string }>): Promise<void> {
  await tx.query('DELETE FROM inspection_plan_targets WHERE plan_id = $1', [planId]);
  for (const t of targets)
    await tx.query('INSERT INTO inspection_plan_targets (plan_id, unit_id, planned_from, planned_to) VALUES ($1,$2,$3,$4)', [planId, t.unitId, t.plannedFrom, t.plannedTo]);
}

// ─── Checklists ───────────────────────────────────────────────────────────────────────────────────────────────────
export async function getChecklist(db: Db, id: string): Promise<ChecklistRow | undefined> {
  return (await db.query<ChecklistRow>('SELECT * FROM inspection_checklists WHERE id = $1', [id]))[0];
}
export async function listChecklists(db: Db): Promise<Array<ChecklistRow & { items: number; in_use: boolean }>> {
  return db.query(
    `SELECT c.*, (SELECT count(*) FROM inspection_checklist_items i WHERE i.checklist_id = c.id)::int AS items,
            EXISTS (SELECT 1 FROM inspections x WHERE x.checklist_id = c.id) AS in_use
       FROM inspection_checklists c ORDER BY c.code, c.version DESC`,
  );
}
export async function checklistInUse(db: Db, id: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM inspections WHERE checklist_id = $1 LIMIT 1', [id])).length > 0;
}
export async function latestChecklist(db: Db): Promise<ChecklistRow | undefined> {
  return (await db.query<ChecklistRow>(`SELECT * FROM inspection_checklists WHERE code = 'KTCV' ORDER BY version DESC LIMIT 1`))[0];
}
export async function checklistItems(db: Db, checklistId: string): Promise<ItemRow[]> {
  return db.query<ItemRow>('SELECT * FROM inspection_checklist_items WHERE checklist_id = $1 ORDER BY ord', [checklistId]);
}
export async function getItem(db: Db, id: string): Promise<ItemRow | undefined> {
  return (await db.query<ItemRow>('SELECT * FROM inspection_checklist_items WHERE id = $1', [id]))[0];
}

// ─── Inspections ──────────────────────────────────────────────────────────────────────────────────────────────────
export async function getInspection(db: Db, id: string, forUpdate = false): Promise<InspectionRow | undefined> {
  return (await db.query<InspectionRow>(`SELECT * FROM inspections WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]))[0];
}

/** Candidates for a list; visibility (surprise, membership) is decided by the caller in memory. */
export async function listInspectionRows(
  db: Db,
  f: { unitIds: string[]; memberOf: string; kind?: string; state?: string; targetUnitIds?: string[]; planId?: string; from?: string; to?: string },
): Promise<Array<InspectionRow & { findings: number; member: boolean }>> {
  return db.query(
    `SELECT i.*, (SELECT count(*) FROM inspection_findings f WHERE f.inspection_id = i.id)::int AS findings,
            EXISTS (SELECT 1 FROM inspection_members m WHERE m.inspection_id = i.id AND m.user_id = $2) AS member
       FROM inspections i
      WHERE (i.issuer_unit_id = ANY($1::uuid[]) OR i.target_unit_id = ANY($1::uuid[])
             OR EXISTS (SELECT 1 FROM inspection_members m WHERE m.inspection_id = i.id AND m.user_id = $2))
        AND ($3::text IS NULL OR i.kind = $3) AND ($4::text IS NULL OR i.state = $4)
        AND ($5::uuid[] IS NULL OR i.target_unit_id = ANY($5::uuid[])) AND ($6::uuid IS NULL OR i.plan_id = $6)
        AND ($7::date IS NULL OR i.planned_to >= $7::date) AND ($8::date IS NULL OR i.planned_from < ($8::date + 1))`,
    [f.unitIds, f.memberOf, f.kind ?? null, f.state ?? null, f.targetUnitIds ?? null, f.planId ?? null, f.from ?? null, f.to ?? null],
  );
}

export async function members(db: Db, inspectionId: string): Promise<MemberRow[]> {
  return db.query<MemberRow>(
    `SELECT * FROM inspection_members WHERE inspection_id = $1 ORDER BY CASE role WHEN 'HEAD' THEN 0 WHEN 'MEMBER' THEN 1 ELSE 2 END, name`,
    [inspectionId],
  );
}
export async function isMember(db: Db, inspectionId: string, userId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM inspection_members WHERE inspection_id = $1 AND user_id = $2', [inspectionId, userId])).length > 0;
}

export async function results(db: Db, inspectionId: string): Promise<ResultRow[]> {
  return db.query<ResultRow>('SELECT * FROM inspection_item_results WHERE inspection_id = $1', [inspectionId]);
}
export async function findings(db: Db, inspectionId: string): Promise<FindingRow[]> {
  return db.query<FindingRow>('SELECT * FROM inspection_findings WHERE inspection_id = $1 ORDER BY observed_at, created_at', [inspectionId]);
}
export async function findingByClientId(db: Db, inspectionId: string, clientId: string): Promise<FindingRow | undefined> {
  return (await db.query<FindingRow>('SELECT * FROM inspection_findings WHERE inspection_id = $1 AND client_id = $2', [inspectionId, clientId]))[0];
}
export async function getFinding(db: Db, inspectionId: string, id: string): Promise<FindingRow | undefined> {
  return (await db.query<FindingRow>('SELECT * FROM inspection_findings WHERE inspection_id = $1 AND id = $2', [inspectionId, id]))[0];
}
export async function photos(db: Db, inspectionId: string): Promise<PhotoRow[]> {
  return db.query<PhotoRow>('SELECT * FROM inspection_photos WHERE inspection_id = $1 ORDER BY created_at', [inspectionId]);
}
export async function photoByClientId(db: Db, inspectionId: string, clientId: string): Promise<PhotoRow | undefined> {
  return (await db.query<PhotoRow>('SELECT * FROM inspection_photos WHERE inspection_id = $1 AND client_id = $2', [inspectionId, clientId]))[0];
}
export async function getPhoto(db: Db, inspectionId: string, id: string): Promise<PhotoRow | undefined> {
  return (await db.query<PhotoRow>('SELECT * FROM inspection_photos WHERE inspection_id = $1 AND id = $2', [inspectionId, id]))[0];
}
export async function evidenceOf(db: Db, inspectionId: string): Promise<EvidenceLinkRow[]> {
  return db.query<EvidenceLinkRow>('SELECT * FROM inspection_evidence WHERE inspection_id = $1 ORDER BY created_at', [inspectionId]);
}
export async function documents(db: Db, inspectionId: string): Promise<DocumentRow[]> {
  return db.query<DocumentRow>('SELECT * FROM inspection_documents WHERE inspection_id = $1 ORDER BY issued_at', [inspectionId]);
}
export async function recommendations(db: Db, inspectionId: string): Promise<RecommendationRow[]> {
  return db.query<RecommendationRow>('SELECT * FROM inspection_recommendations WHERE inspection_id = $1 ORDER BY ord', [inspectionId]);
}
export async function remediations(db: Db, inspectionId: string): Promise<RemediationRow[]> {
  return db.query<RemediationRow>('SELECT * FROM inspection_remediations WHERE inspection_id = $1 ORDER BY ord', [inspectionId]);
}
export async function getRemediation(db: Db, inspectionId: string, id: string, forUpdate = false): Promise<RemediationRow | undefined> {
  return (
    await db.query<RemediationRow>(`SELECT * FROM inspection_remediations WHERE inspection_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`, [inspectionId, id])
  )[0];
}

/** Open remediations due on or before `until` (reminders) — with their inspection's units for recipients. */
export async function dueRemediations(db: Db, until: string): Promise<Array<RemediationRow & { title: string; issuer_unit_id: string; target_unit_id: string }>> {
  return db.query(
    `SELECT r.*, i.title, i.issuer_unit_id, i.target_unit_id FROM inspection_remediations r JOIN inspections i ON i.id = r.inspection_id
      WHERE r.state IN ('OPEN', 'OVERDUE') AND r.due_on <= $1 AND i.state <> 'CLOSED' ORDER BY r.due_on`,
    [until],
  );
}

export async function touch(tx: Db, id: string, state: InspectionState | null, at: Date): Promise<void> {
  await tx.query('UPDATE inspections SET state = COALESCE($2, state), updated_at = $3 WHERE id = $1', [id, state, at.toISOString()]);
}
