import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Access } from '../../platform/access';
import { AppError, errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { localToInstant } from '../../platform/time';
import { recordAudit } from '../audit';
import { assertTarget, unitNamer } from './guards';
import type { ZChecklistBody, ZPlanBody, ZPlanPatch } from './inspections.dto';
import {
  checklistItems,
  getChecklist,
  getPlan,
  inspectionsPerTarget,
  type ItemRow,
  listChecklists,
  listPlans,
  type PlanRow,
  planTargets,
  replacePlanTargets,
} from './inspections.repo';

/** Plans (kế hoạch kiểm tra) with their target units, and checklist versions. One transaction per use case. */

type PlanTargetInput = z.infer<typeof ZPlanBody>['targets'];

async function checkTargets(db: Db, issuerUnitId: string, targets: PlanTargetInput): Promise<void> {
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t.unitId))
      throw errors.badRequest('PLAN_TARGET_DUPLICATE', 'Một đơn vị chỉ có một dòng trong kế hoạch.', 'A unit appears once in a plan.', { unitId: t.unitId });
    seen.add(t.unitId);
    if (t.plannedTo < t.plannedFrom)
      throw errors.badRequest('PLAN_TARGET_DATES', 'Ngày kết thúc phải sau ngày bắt đầu.', 'The end date must not be before the start date.', t);
    // The unit as of the first planned day (former units: choose the successor).
    await assertTarget(db, issuerUnitId, t.unitId, localToInstant(t.plannedFrom, 8 * 60));
  }
}

export async function createPlan(db: Db, access: Access, body: z.infer<typeof ZPlanBody>, now: Date): Promise<string> {
  access.requireInUnit('inspections.manage', body.issuerUnitId);
  await checkTargets(db, body.issuerUnitId, body.targets);
  const id = randomUUID();
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO inspection_plans (id, issuer_unit_id, year, period_label, title, note, created_by, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$8)`,
      [id, body.issuerUnitId, body.year, body.periodLabel, body.title, body.note, access.principal.userId, now.toISOString()],
    );
    await replacePlanTargets(tx, id, body.targets);
    await recordAudit(tx, { actor: access.actor(), action: 'inspections.plan_create', entityType: 'inspection_plan', entityId: id, unitId: body.issuerUnitId, details: { year: body.year, title: body.title, targets: body.targets.length } }, now);
    return id;
  });
}

export async function visiblePlan(db: Db, access: Access, id: string): Promise<PlanRow> {
  const p = await getPlan(db, id);
  if (!p || !(access.canInUnit('inspections.manage', p.issuer_unit_id) || access.canInUnit('reports.read', p.issuer_unit_id)))
    throw errors.notFound('Inspection plan', 'kế hoạch kiểm tra');
  return p;
}

export async function updatePlan(db: Db, access: Access, id: string, body: z.infer<typeof ZPlanPatch>, now: Date): Promise<void> {
  const p = await visiblePlan(db, access, id);
  access.requireInUnit('inspections.manage', p.issuer_unit_id);
  if (body.targets) await checkTargets(db, p.issuer_unit_id, body.targets);
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE inspection_plans SET period_label = COALESCE($2, period_label), title = COALESCE($3, title), note = COALESCE($4, note), updated_at = $5 WHERE id = $1`,
      [id, body.periodLabel ?? null, body.title ?? null, body.note ?? null, now.toISOString()],
    );
    if (body.targets) await replacePlanTargets(tx, id, body.targets);
    await recordAudit(tx, { actor: access.actor(), action: 'inspections.plan_update', entityType: 'inspection_plan', entityId: id, unitId: p.issuer_unit_id, details: { fields: Object.keys(body) } }, now);
  });
}

/**
 * Plans as read by `access`. A surprise inspection attached to a plan stays out of its per-target count for anyone
 * but the issuer side until it starts: a leader reading the plan (reports.read over the issuer) may work in the
 * target unit, and a count going from 0 to 1 would tell them a visit is coming.
 */
export async function planViews(db: Db, access: Access, plans: PlanRow[]) {
  const ids = plans.map((p) => p.id);
  const [targets, counts, name] = await Promise.all([planTargets(db, ids), inspectionsPerTarget(db, ids), unitNamer(db)]);
  const countFor = (p: PlanRow, unitId: string): number => {
    const c = counts.find((x) => x.plan_id === p.id && x.target_unit_id === unitId);
    if (!c) return 0;
    return access.canInUnit('inspections.manage', p.issuer_unit_id) ? c.n : c.n - c.hidden;
  };
  return plans.map((p) => ({
    id: p.id,
    issuerUnitId: p.issuer_unit_id,
    issuerUnitName: name(p.issuer_unit_id),
    year: p.year,
    periodLabel: p.period_label,
    title: p.title,
    note: p.note,
    createdAt: p.created_at,
    targets: targets
      .filter((t) => t.plan_id === p.id)
      .map((t) => ({
        unitId: t.unit_id,
        unitName: name(t.unit_id),
        plannedFrom: t.planned_from,
        plannedTo: t.planned_to,
        inspections: countFor(p, t.unit_id),
      })),
  }));
}

export async function plansFor(db: Db, access: Access, q: { year?: number; unitId?: string }) {
  const units = [...new Set([...access.unitsFor('inspections.manage'), ...access.unitsFor('reports.read')])];
  const rows = await listPlans(db, { issuerUnitIds: q.unitId ? units.filter((u) => u === q.unitId) : units, year: q.year });
  return planViews(db, access, rows);
}

// ─── Checklists ───────────────────────────────────────────────────────────────────────────────────────────────────
export function itemDto(r: ItemRow) {
  return { id: r.id, ord: r.ord, code: r.code, titleVi: r.title_vi, titleEn: r.title_en, legalBasis: r.legal_basis, perPerson: r.per_person, violationKind: r.violation_kind };
}

export async function checklistSummaries(db: Db) {
  return (await listChecklists(db)).map((c) => ({ id: c.id, code: c.code, version: c.version, title: c.title, items: c.items, inUse: c.in_use, createdAt: c.created_at }));
}

export async function checklistView(db: Db, id: string) {
  const c = await getChecklist(db, id);
  if (!c) throw errors.notFound('Checklist', 'bảng kiểm tra');
  const all = await listChecklists(db);
  return { id: c.id, code: c.code, version: c.version, title: c.title, createdAt: c.created_at, inUse: all.find((x) => x.id === id)?.in_use ?? false, items: (await checklistItems(db, id)).map(itemDto) };
}

/**
 * A new version of a checklist: versions are immutable once an inspection used them, so editing always writes a new
 * version (same code, next number) with the whole item list as edited.
 */
export async function createChecklistVersion(db: Db, access: Access, body: z.infer<typeof ZChecklistBody>, now: Date): Promise<string> {
  access.require('inspections.manage');
  const from = await getChecklist(db, body.fromId);
  if (!from) throw errors.notFound('Checklist', 'bảng kiểm tra');
  const codes = body.items.map((i) => i.code);
  if (new Set(codes).size !== codes.length)
    throw new AppError(400, 'CHECKLIST_ITEM_DUPLICATE', 'Mỗi tiêu chí chỉ xuất hiện một lần trong bảng kiểm tra.', 'Each item code appears once in a checklist.');
  for (const i of body.items)
    if (i.violationKind && !i.perPerson)
      throw errors.badRequest('CHECKLIST_KIND_NOT_PER_PERSON', 'Chỉ tiêu chí ghi nhận theo từng người mới mở vi phạm.', 'Only per-person items can open a violation.', { code: i.code });
  const id = randomUUID();
  return db.transaction(async (tx) => {
    const [v] = await tx.query<{ next: number }>('SELECT COALESCE(max(version), 0)::int + 1 AS next FROM inspection_checklists WHERE code = $1', [from.code]);
    await tx.query('INSERT INTO inspection_checklists (id, code, version, title, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6)', [
      id,
      from.code,
      v?.next ?? 1,
      body.title ?? from.title,
      access.principal.userId,
      now.toISOString(),
    ]);
    let ord = 0;
    for (const i of body.items)
      await tx.query(
        `INSERT INTO inspection_checklist_items (id, checklist_id, ord, code, title_vi, title_en, legal_basis, per_person, violation_kind)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
        [randomUUID(), id, ++ord, i.code, i.titleVi, i.titleEn, i.legalBasis, i.perPerson, i.violationKind],
      );
    await recordAudit(tx, { actor: access.actor(), action: 'inspections.checklist_version', entityType: 'inspection_checklist', entityId: id, details: { code: from.code, version: v?.next ?? 1, from: from.id, items: codes } }, now);
    return id;
  });
}
