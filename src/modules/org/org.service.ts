import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/ports/db';
import { errors } from '../../platform/errors';
import { type AuditActor, recordAudit } from '../audit';
import { invalidateOrgTree } from './org-tree';

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  unit_type: string;
  admin_level: string;
  admin_unit_code: string | null;
  parent_id: string | null;
  valid_from: string;
  valid_to: string | null;
  legal_basis: string | null;
}

export interface UnitInput {
  code: string;
  name: string;
  shortName?: string | null;
  unitType: string;
  adminLevel: string;
  adminUnitCode?: string | null;
  parentId?: string | null;
  validFrom: string;
  validTo?: string | null;
  legalBasis?: string | null;
}

/** Units valid on `asOf` (or all, with history), each with the number of working staff attached to it. */
export async function listUnits(db: Db, opts: { asOf?: string; includeHistorical: boolean; unitIds?: string[] }) {
  const params: unknown[] = [];
  const where: string[] = [];
  if (!opts.includeHistorical && opts.asOf) {
    params.push(opts.asOf);
    where.push(`u.valid_from <= $${params.length} AND (u.valid_to IS NULL OR u.valid_to > $${params.length})`);
  }
  if (opts.unitIds) {
    params.push(opts.unitIds);
    where.push(`u.id = ANY($${params.length}::uuid[])`);
  }
  return db.query<UnitRow & { staff_count: number }>(
    `SELECT u.*, (SELECT count(*) FROM persons p WHERE p.unit_id = u.id AND p.status <> 'LEFT')::int AS staff_count
       FROM org_units u ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY u.admin_level, u.name`,
    params,
  );
}

export async function getUnit(db: Db, id: string): Promise<UnitRow> {
  const rows = await db.query<UnitRow>('SELECT * FROM org_units WHERE id = $1', [id]);
  if (!rows[0]) throw errors.notFound('Unit', 'đơn vị');
  return rows[0];
}

async function assertParentValid(db: Db, parentId: string | null | undefined, validFrom: string, selfId?: string) {
  if (!parentId) return;
  if (parentId === selfId)
    throw errors.badRequest('UNIT_PARENT_SELF', 'Đơn vị không thể là cấp trên của chính nó.', 'A unit cannot be its own parent.');
  const p = await db.query<UnitRow>('SELECT * FROM org_units WHERE id = $1', [parentId]);
  if (!p[0])
    throw errors.badRequest('UNIT_PARENT_UNKNOWN', 'Đơn vị cấp trên không tồn tại.', 'The parent unit does not exist.');
  if (p[0].valid_to && p[0].valid_to <= validFrom)
    throw errors.badRequest(
      'UNIT_PARENT_CLOSED',
      'Đơn vị cấp trên đã giải thể trước ngày hiệu lực.',
      'The parent unit no longer exists on the start date.',
    );
  if (selfId) {
    // Refuse cycles: walk up from the new parent; meeting ourselves means the move would create a loop.
    let cur: string | null = parentId;
    for (let i = 0; cur && i < 64; i++) {
      if (cur === selfId)
        throw errors.badRequest('UNIT_PARENT_CYCLE', 'Thay đổi này tạo vòng lặp trong cây tổ chức.', 'This change would create a cycle.');
      const rows: Array<{ parent_id: string | null }> = await db.query('SELECT parent_id FROM org_units WHERE id = $1', [cur]);
      cur = rows[0]?.parent_id ?? null;
    }
  }
}

export async function createUnit(db: Db, input: UnitInput, actor: AuditActor): Promise<UnitRow> {
  const row = await db.transaction(async (tx) => {
    await assertParentValid(tx, input.parentId, input.validFrom);
    const dup = await tx.query('SELECT 1 FROM org_units WHERE code = $1', [input.code]);
    if (dup.length)
      throw errors.conflict('UNIT_CODE_TAKEN', `Mã đơn vị ${input.code} đã được dùng.`, `Unit code ${input.code} is taken.`);
    const id = randomUUID();
    const rows = await tx.query<UnitRow>(
      `INSERT INTO org_units (id, code, name, short_name, unit_type, admin_level, admin_unit_code, parent_id, valid_from, valid_to, legal_basis)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING *`,
      [
        id,
        input.code,
        input.name,
        input.shortName ?? null,
        input.unitType,
        input.adminLevel,
        input.adminUnitCode ?? null,
        input.parentId ?? null,
        input.validFrom,
        input.validTo ?? null,
        input.legalBasis ?? null,
      ],
    );
    const created = rows[0] as UnitRow;
    await recordAudit(tx, { actor, action: 'org.unit_create', entityType: 'org_unit', entityId: id, unitId: id, details: { after: created } });
    return created;
  });
  invalidateOrgTree(db);
  return row;
}

export async function updateUnit(db: Db, id: string, patch: Partial<UnitInput>, actor: AuditActor): Promise<UnitRow> {
  const row = await db.transaction(async (tx) => {
    const before = await getUnit(tx, id);
    const next = {
      code: patch.code ?? before.code,
      name: patch.name ?? before.name,
      short_name: patch.shortName !== undefined ? patch.shortName : before.short_name,
      unit_type: patch.unitType ?? before.unit_type,
      admin_level: patch.adminLevel ?? before.admin_level,
      admin_unit_code: patch.adminUnitCode !== undefined ? patch.adminUnitCode : before.admin_unit_code,
      parent_id: patch.parentId !== undefined ? patch.parentId : before.parent_id,
      valid_from: patch.validFrom ?? before.valid_from,
      valid_to: patch.validTo !== undefined ? patch.validTo : before.valid_to,
      legal_basis: patch.legalBasis !== undefined ? patch.legalBasis : before.legal_basis,
    };
    if (next.valid_to && next.valid_to <= next.valid_from)
      throw errors.badRequest('UNIT_DATES', 'Ngày kết thúc phải sau ngày bắt đầu.', 'The end date must be after the start date.');
    await assertParentValid(tx, next.parent_id, next.valid_from, id);
    if (next.code !== before.code) {
      const dup = await tx.query('SELECT 1 FROM org_units WHERE code = $1 AND id <> $2', [next.code, id]);
      if (dup.length)
        throw errors.conflict('UNIT_CODE_TAKEN', `Mã đơn vị ${next.code} đã được dùng.`, `Unit code ${next.code} is taken.`);
    }
    const rows = await tx.query<UnitRow>(
      `UPDATE org_units SET code=$2, name=$3, short_name=$4, unit_type=$5, admin_level=$6, admin_unit_code=$7,
              parent_id=$8, valid_from=$9, valid_to=$10, legal_basis=$11, updated_at=now()
        WHERE id=$1 RETURNING *`,
      [id, next.code, next.name, next.short_name, next.unit_type, next.admin_level, next.admin_unit_code, next.parent_id, next.valid_from, next.valid_to, next.legal_basis],
    );
    const after = rows[0] as UnitRow;
    await recordAudit(tx, { actor, action: 'org.unit_update', entityType: 'org_unit', entityId: id, unitId: id, details: { before, after } });
    return after;
  });
  invalidateOrgTree(db);
  return row;
}
