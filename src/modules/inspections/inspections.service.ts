import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Access } from '../../platform/access';
import { AppError, errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { localDateOf } from '../../platform/time';
import { recordAudit } from '../audit';
import { roleHoldersOn } from '../auth';
import { loadOrgTree } from '../org';
import { personsOnDate } from '../people';
import { grantTeamCameras } from './camera-evidence.service';
import { EDITABLE_STATES, type MemberRole } from './domain/states';
import { assertTarget, requireIssuer, requireState, visibleInspection } from './guards';
import type { ZDecideBody, ZInspectionBody, ZInspectionPatch, ZMembersBody } from './inspections.dto';
import { getChecklist, getPlan, latestChecklist, members, touch } from './inspections.repo';

/** The inspection from its draft to the start of the work on site: create, edit, the team, the decision, start. */

function assertWindow(from: Date, to: Date): void {
  if (to.getTime() <= from.getTime())
    throw errors.badRequest('INSPECTION_WINDOW', 'Thời gian kết thúc phải sau thời gian bắt đầu.', 'The end must be after the start.', { from, to });
}

async function checklistOrDefault(db: Db, id: string | null): Promise<string> {
  const c = id ? await getChecklist(db, id) : await latestChecklist(db);
  if (!c) throw errors.notFound('Checklist', 'bảng kiểm tra');
  return c.id;
}

export async function createInspection(db: Db, access: Access, body: z.infer<typeof ZInspectionBody>, now: Date): Promise<string> {
  access.requireInUnit('inspections.manage', body.issuerUnitId);
  const from = new Date(body.plannedFrom);
  const to = new Date(body.plannedTo);
  assertWindow(from, to);
  await assertTarget(db, body.issuerUnitId, body.targetUnitId, from);
  if (body.planId) {
    const plan = await getPlan(db, body.planId);
    if (!plan) throw errors.notFound('Inspection plan', 'kế hoạch kiểm tra');
    if (plan.issuer_unit_id !== body.issuerUnitId)
      throw errors.badRequest('INSPECTION_PLAN_MISMATCH', 'Kế hoạch thuộc đơn vị ban hành khác.', 'The plan belongs to another issuing unit.', { planId: plan.id });
  }
  const checklistId = await checklistOrDefault(db, body.checklistId);
  const id = randomUUID();
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO inspections (id, plan_id, kind, issuer_unit_id, target_unit_id, title, scope, planned_from, planned_to, place, checklist_id, state, created_by, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,'DRAFT',$12,$13,$13)`,
      [id, body.planId, body.kind, body.issuerUnitId, body.targetUnitId, body.title, body.scope, from.toISOString(), to.toISOString(), body.place, checklistId, access.principal.userId, now.toISOString()],
    );
    // The unit of a surprise inspection is not written to the audit's unit column: its readers there are the target's.
    await recordAudit(tx, { actor: access.actor(), action: 'inspections.create', entityType: 'inspection', entityId: id, unitId: body.issuerUnitId, details: { kind: body.kind, targetUnitId: body.targetUnitId, plannedFrom: body.plannedFrom, planId: body.planId } }, now);
    return id;
  });
}

export async function updateInspection(db: Db, access: Access, id: string, body: z.infer<typeof ZInspectionPatch>, now: Date): Promise<void> {
  const { i, s } = await visibleInspection(db, access, id);
  requireIssuer(access, s);
  requireState(i, EDITABLE_STATES);
  const from = body.plannedFrom ? new Date(body.plannedFrom) : i.planned_from;
  const to = body.plannedTo ? new Date(body.plannedTo) : i.planned_to;
  assertWindow(from, to);
  const target = body.targetUnitId ?? i.target_unit_id;
  if (body.targetUnitId || body.plannedFrom) await assertTarget(db, i.issuer_unit_id, target, from);
  const checklistId = body.checklistId ? await checklistOrDefault(db, body.checklistId) : i.checklist_id;
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE inspections SET kind = $2, target_unit_id = $3, title = $4, scope = $5, planned_from = $6, planned_to = $7, place = $8, checklist_id = $9, updated_at = $10 WHERE id = $1`,
      [id, body.kind ?? i.kind, target, body.title ?? i.title, body.scope ?? i.scope, from.toISOString(), to.toISOString(), body.place ?? i.place, checklistId, now.toISOString()],
    );
    if (target !== i.target_unit_id) await assertTeamOutsideTarget(tx, id, target, from);
    await recordAudit(tx, { actor: access.actor(), action: 'inspections.update', entityType: 'inspection', entityId: id, unitId: i.issuer_unit_id, details: { fields: Object.keys(body) } }, now);
  });
}

const memberInTarget = (name: string, details: unknown) =>
  new AppError(
    422,
    'INSPECTION_MEMBER_IN_TARGET',
    `${name} thuộc đơn vị được kiểm tra nên không thể là thành viên đoàn kiểm tra.`,
    `${name} belongs to the inspected unit and cannot be on the inspection team.`,
    details,
  );

/** No one judges their own unit: a team member may not belong to the target unit (or its sub-units) on the date. */
async function assertTeamOutsideTarget(db: Db, inspectionId: string, targetUnitId: string, on: Date): Promise<void> {
  const team = (await members(db, inspectionId)).filter((m) => m.person_id);
  if (team.length === 0) return;
  const scope = (await loadOrgTree(db)).scopeOf(targetUnitId);
  for (const p of await personsOnDate(db, team.map((m) => m.person_id as string), localDateOf(on)))
    if (scope.has(p.unitId)) throw memberInTarget(p.fullName, { personId: p.personId, unitId: p.unitId });
}

export async function setMembers(db: Db, access: Access, id: string, body: z.infer<typeof ZMembersBody>, now: Date): Promise<void> {
  const { i, s } = await visibleInspection(db, access, id);
  requireIssuer(access, s);
  requireState(i, EDITABLE_STATES);
  const heads = body.members.filter((m) => m.role === 'HEAD').length;
  if (heads !== 1)
    throw errors.badRequest('INSPECTION_TEAM_HEAD', 'Đoàn kiểm tra phải có đúng một Trưởng đoàn.', 'The team must have exactly one head.', { heads });
  if (new Set(body.members.map((m) => m.userId)).size !== body.members.length)
    throw errors.badRequest('INSPECTION_MEMBER_DUPLICATE', 'Mỗi người chỉ có một vai trò trong đoàn.', 'Each person has one role on the team.');
  const date = localDateOf(i.planned_from);
  // Accounts active now with a role (a team is formed today, even for an inspection dated earlier).
  const holders = await roleHoldersOn(db, localDateOf(now));
  const scope = (await loadOrgTree(db)).scopeOf(i.target_unit_id);
  const resolved: Array<{ userId: string; personId: string | null; role: MemberRole; name: string; title: string }> = [];
  for (const m of body.members) {
    const h = holders.find((x) => x.userId === m.userId);
    if (!h)
      throw new AppError(422, 'INSPECTION_MEMBER_UNKNOWN', 'Thành viên phải là tài khoản đang hoạt động có vai trò vào ngày kiểm tra.', 'A member must be an active account holding a role on the inspection date.', { userId: m.userId });
    if (h.personId) {
      const [p] = await personsOnDate(db, [h.personId], date);
      if (p && scope.has(p.unitId)) throw memberInTarget(p.fullName, { personId: p.personId, unitId: p.unitId });
    }
    resolved.push({ userId: m.userId, personId: h.personId, role: m.role, name: m.name ?? h.displayName.split(' — ')[0] ?? h.displayName, title: m.title });
  }
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM inspection_members WHERE inspection_id = $1', [id]);
    for (const m of resolved)
      await tx.query('INSERT INTO inspection_members (inspection_id, user_id, person_id, role, name, title) VALUES ($1,$2,$3,$4,$5,$6)', [id, m.userId, m.personId, m.role, m.name, m.title]);
    await touch(tx, id, null, now);
    await recordAudit(tx, { actor: access.actor(), action: 'inspections.team', entityType: 'inspection', entityId: id, unitId: i.issuer_unit_id, details: { members: resolved.map((m) => ({ userId: m.userId, role: m.role })) } }, now);
  });
}

/** The decision forming the team (quyết định thành lập Đoàn/Tổ kiểm tra): number, date, signer → DECIDED. */
export async function decide(db: Db, access: Access, id: string, body: z.infer<typeof ZDecideBody>, now: Date): Promise<void> {
  const { i, s } = await visibleInspection(db, access, id);
  requireIssuer(access, s);
  requireState(i, ['DRAFT']);
  if ((await members(db, id)).length === 0)
    throw errors.conflict('INSPECTION_NO_TEAM', 'Chưa có thành viên đoàn kiểm tra.', 'The inspection team has no members yet.');
  if (body.decisionDate > localDateOf(now))
    throw errors.badRequest('DATE_IN_FUTURE', 'Ngày quyết định không được ở tương lai.', 'The decision date cannot be in the future.');
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ state: string }>('SELECT state FROM inspections WHERE id = $1 FOR UPDATE', [id]);
    if (row?.state !== 'DRAFT') requireState({ ...i, state: (row?.state ?? i.state) as typeof i.state }, ['DRAFT']);
    await tx.query(`UPDATE inspections SET decision_no = $2, decision_date = $3, decision_signer = $4, state = 'DECIDED', updated_at = $5 WHERE id = $1`, [
      id,
      body.decisionNo,
      body.decisionDate,
      body.decisionSigner,
      now.toISOString(),
    ]);
    await recordAudit(tx, { actor: access.actor(), action: 'inspections.decide', entityType: 'inspection', entityId: id, unitId: i.issuer_unit_id, details: body }, now);
  });
}

/** The team starts on site (→ IN_PROGRESS); a surprise inspection becomes visible to the inspected unit from now. */
export async function start(db: Db, access: Access, id: string, now: Date): Promise<void> {
  const { i, s } = await visibleInspection(db, access, id);
  if (!s.member) requireIssuer(access, s);
  requireState(i, ['DECIDED']);
  if (now.getTime() > i.planned_to.getTime())
    throw errors.conflict('INSPECTION_WINDOW_OVER', 'Đã hết thời gian kiểm tra theo quyết định.', 'The inspection window set by the decision is over.', { plannedTo: i.planned_to });
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ state: string }>('SELECT state FROM inspections WHERE id = $1 FOR UPDATE', [id]);
    if (row?.state !== 'DECIDED') requireState({ ...i, state: (row?.state ?? i.state) as typeof i.state }, ['DECIDED']);
    await tx.query(`UPDATE inspections SET state = 'IN_PROGRESS', started_at = $2, updated_at = $2 WHERE id = $1`, [id, now.toISOString()]);
    await grantTeamCameras(tx, i, access.actor(), now);
    await recordAudit(tx, { actor: access.actor(), action: 'inspections.start', entityType: 'inspection', entityId: id, unitId: i.target_unit_id, details: { kind: i.kind } }, now);
  });
}
