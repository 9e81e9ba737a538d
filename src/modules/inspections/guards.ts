import type { Access } from '../../platform/access';
import { AppError, errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { localDateOf } from '../../platform/time';
import { loadOrgTree } from '../org';
import { hiddenFromOutsiders, type InspectionState } from './domain/states';
import { getInspection, type InspectionRow, isMember } from './inspections.repo';

/**
 * Who the caller is to one inspection (contract "Competence/scope"): the issuer side (inspections.manage over the
 * issuer unit) forms and decides; the team works on site; leaders (reports.read) over the target or issuer unit read
 * it — except a surprise inspection, which nobody outside the issuer side and the team may learn of before it starts
 * (it answers 404 then, not 403, so its existence does not leak).
 */
export interface Standing {
  issuer: boolean;
  member: boolean;
  leader: boolean;
}

export async function standingOf(db: Db, access: Access, i: InspectionRow): Promise<Standing> {
  return {
    issuer: access.canInUnit('inspections.manage', i.issuer_unit_id),
    member: await isMember(db, i.id, access.principal.userId),
    leader: access.canInUnit('reports.read', i.target_unit_id) || access.canInUnit('reports.read', i.issuer_unit_id),
  };
}

export function canSee(s: Standing, i: InspectionRow): boolean {
  if (s.issuer || s.member) return true;
  return s.leader && !hiddenFromOutsiders(i);
}

const notFound = () => errors.notFound('Inspection', 'cuộc kiểm tra');

/** The inspection if the caller may see it (404 otherwise), with the caller's standing. */
export async function visibleInspection(db: Db, access: Access, id: string, forUpdate = false): Promise<{ i: InspectionRow; s: Standing }> {
  const i = await getInspection(db, id, forUpdate);
  if (!i) throw notFound();
  const s = await standingOf(db, access, i);
  if (!canSee(s, i)) throw notFound();
  return { i, s };
}

/** Issuer side only (plans, decisions, the team, the conclusion, closing). */
export function requireIssuer(access: Access, s: Standing): void {
  if (!s.issuer) {
    access.require('inspections.manage');
    throw errors.outOfScope();
  }
}

/** Team members only (the work on site). */
export function requireMember(s: Standing): void {
  if (!s.member)
    throw new AppError(403, 'INSPECTION_NOT_MEMBER', 'Chỉ thành viên đoàn kiểm tra mới được thực hiện thao tác này.', 'Only members of the inspection team may do this.');
}

export function requireState(i: InspectionRow, allowed: readonly InspectionState[]): void {
  if (!allowed.includes(i.state))
    throw errors.conflict(
      'INSPECTION_STATE',
      `Cuộc kiểm tra đang ở trạng thái ${i.state}, không thực hiện được thao tác này.`,
      `The inspection is ${i.state}; this step is not possible now.`,
      { state: i.state, allowed },
    );
}

/**
 * The target unit must exist on the inspection date and lie inside the issuer unit's scope (its sub-units and the
 * former units merged into them). A unit that no longer existed on that date is refused with its successors named.
 */
export async function assertTarget(db: Db, issuerUnitId: string, targetUnitId: string, on: Date): Promise<void> {
  const tree = await loadOrgTree(db);
  const date = localDateOf(on);
  const node = tree.byId.get(targetUnitId);
  if (!node || !tree.byId.has(issuerUnitId)) throw errors.notFound('Unit', 'đơn vị');
  if (targetUnitId === issuerUnitId || !tree.scopeOf(issuerUnitId).has(targetUnitId))
    throw new AppError(
      403,
      'INSPECTION_TARGET_OUT_OF_SCOPE',
      'Đơn vị được kiểm tra nằm ngoài phạm vi của đơn vị ban hành quyết định kiểm tra.',
      'The inspected unit is outside the scope of the unit issuing the inspection.',
      { issuerUnitId, targetUnitId },
    );
  if (node.validFrom > date || (node.validTo !== null && node.validTo <= date))
    throw new AppError(
      422,
      'INSPECTION_TARGET_NOT_VALID',
      `Đơn vị “${node.name}” không tồn tại vào ngày kiểm tra ${date}; hãy chọn đơn vị kế thừa.`,
      `The unit “${node.name}” did not exist on the inspection date ${date}; choose its successor.`,
      { targetUnitId, date, validFrom: node.validFrom, validTo: node.validTo },
    );
}

/** Unit names from the in-memory tree (no query per row). */
export async function unitNamer(db: Db): Promise<(id: string) => string> {
  const tree = await loadOrgTree(db);
  return (id) => tree.byId.get(id)?.name ?? '';
}
