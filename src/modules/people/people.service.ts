import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/ports/db';
import { errors } from '../../platform/errors';
import { searchKey } from '../../platform/text/search-key';
import { type AuditActor, recordAudit } from '../audit';
import { getPerson } from './people.repo';
import type { Category, PersonRow, StaffStatus } from './people.types';

export interface PersonInput {
  employeeCode: string;
  fullName: string;
  gender?: string | null;
  birthDate?: string | null;
  category: Category;
  positionTitle?: string | null;
  unitId: string;
  status?: StaffStatus;
  email?: string | null;
  phone?: string | null;
  joinedOn?: string | null;
  leftOn?: string | null;
}

async function assertUnitOpen(db: Db, unitId: string, onDate: string) {
  const rows = await db.query<{ valid_from: string; valid_to: string | null }>(
    'SELECT valid_from, valid_to FROM org_units WHERE id = $1',
    [unitId],
  );
  const u = rows[0];
  if (!u) throw errors.badRequest('UNIT_UNKNOWN', 'Đơn vị không tồn tại.', 'The unit does not exist.');
  if (u.valid_to && u.valid_to <= onDate)
    throw errors.badRequest('UNIT_CLOSED', 'Đơn vị đã giải thể vào ngày này.', 'The unit no longer exists on that date.');
}

export async function createPerson(db: Db, input: PersonInput, actor: AuditActor, today: string): Promise<PersonRow> {
  return db.transaction(async (tx) => {
    const from = input.joinedOn ?? today;
    await assertUnitOpen(tx, input.unitId, from);
    const dup = await tx.query('SELECT 1 FROM persons WHERE employee_code = $1', [input.employeeCode]);
    if (dup.length)
      throw errors.conflict('EMPLOYEE_CODE_TAKEN', `Mã cán bộ ${input.employeeCode} đã tồn tại.`, `Employee code ${input.employeeCode} exists.`);
    const id = randomUUID();
    await tx.query(
      `INSERT INTO persons (id, employee_code, full_name, gender, birth_date, category, position_title, unit_id, status,
                            email, phone, joined_on, left_on, search_text)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
      [
        id,
        input.employeeCode,
        input.fullName,
        input.gender ?? null,
        input.birthDate ?? null,
        input.category,
        input.positionTitle ?? null,
        input.unitId,
        input.status ?? 'WORKING',
        input.email ?? null,
        input.phone ?? null,
        input.joinedOn ?? null,
        input.leftOn ?? null,
        searchKey(input.fullName),
      ],
    );
    await tx.query(
      `INSERT INTO person_unit_history (id, person_id, unit_id, position_title, assignment_kind, valid_from)
       VALUES ($1,$2,$3,$4,'TUYEN_DUNG',$5)`,
      [randomUUID(), id, input.unitId, input.positionTitle ?? null, from],
    );
    const created = (await getPerson(tx, id)) as PersonRow;
    await recordAudit(tx, { actor, action: 'staff.create', entityType: 'person', entityId: id, unitId: input.unitId, details: { after: created } });
    return created;
  });
}

/** Updates profile fields. The unit changes only through `transferPerson`, which keeps the history. */
export async function updatePerson(
  db: Db,
  id: string,
  patch: Partial<Omit<PersonInput, 'unitId'>> & { version: number },
  actor: AuditActor,
): Promise<PersonRow> {
  return db.transaction(async (tx) => {
    const before = await getPerson(tx, id);
    if (!before) throw errors.notFound('Staff member', 'cán bộ');
    if (before.version !== patch.version)
      throw errors.conflict(
        'VERSION_CONFLICT',
        'Hồ sơ đã được người khác sửa. Hãy tải lại rồi sửa tiếp.',
        'Someone else changed this record. Reload and try again.',
        { current: before.version },
      );
    if (patch.employeeCode && patch.employeeCode !== before.employee_code) {
      const dup = await tx.query('SELECT 1 FROM persons WHERE employee_code = $1', [patch.employeeCode]);
      if (dup.length)
        throw errors.conflict('EMPLOYEE_CODE_TAKEN', `Mã cán bộ ${patch.employeeCode} đã tồn tại.`, `Employee code ${patch.employeeCode} exists.`);
    }
    const pick = <K extends keyof typeof patch>(k: K, cur: unknown) => (patch[k] !== undefined ? patch[k] : cur);
    const fullName = (pick('fullName', before.full_name) as string) ?? before.full_name;
    await tx.query(
      `UPDATE persons SET employee_code=$2, full_name=$3, gender=$4, birth_date=$5, category=$6, position_title=$7,
              status=$8, email=$9, phone=$10, joined_on=$11, left_on=$12, search_text=$13, version=version+1, updated_at=now()
        WHERE id=$1`,
      [
        id,
        pick('employeeCode', before.employee_code),
        fullName,
        pick('gender', before.gender),
        pick('birthDate', before.birth_date),
        pick('category', before.category),
        pick('positionTitle', before.position_title),
        pick('status', before.status),
        pick('email', before.email),
        pick('phone', before.phone),
        pick('joinedOn', before.joined_on),
        pick('leftOn', before.left_on),
        searchKey(fullName),
      ],
    );
    const after = (await getPerson(tx, id)) as PersonRow;
    await recordAudit(tx, { actor, action: 'staff.update', entityType: 'person', entityId: id, unitId: after.unit_id, details: { before, after } });
    return after;
  });
}

export interface TransferInput {
  unitId: string;
  positionTitle?: string | null;
  assignmentKind: string;
  effectiveDate: string;
  legalBasis?: string | null;
}

/** Moves a person to another unit from a date: closes the open history row, opens a new one. */
export async function transferPerson(db: Db, id: string, t: TransferInput, actor: AuditActor): Promise<PersonRow> {
  return db.transaction(async (tx) => {
    const before = await getPerson(tx, id);
    if (!before) throw errors.notFound('Staff member', 'cán bộ');
    await assertUnitOpen(tx, t.unitId, t.effectiveDate);
    const open = await tx.query<{ id: string; valid_from: string }>(
      'SELECT id, valid_from FROM person_unit_history WHERE person_id = $1 AND valid_to IS NULL',
      [id],
    );
    for (const h of open) {
      if (h.valid_from >= t.effectiveDate)
        throw errors.badRequest(
          'TRANSFER_DATE',
          'Ngày điều chuyển phải sau ngày bắt đầu của vị trí hiện tại.',
          'The transfer date must follow the start of the current assignment.',
        );
      await tx.query('UPDATE person_unit_history SET valid_to = $2 WHERE id = $1', [h.id, t.effectiveDate]);
    }
    await tx.query(
      `INSERT INTO person_unit_history (id, person_id, unit_id, position_title, assignment_kind, valid_from, legal_basis)
       VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [randomUUID(), id, t.unitId, t.positionTitle ?? before.position_title, t.assignmentKind, t.effectiveDate, t.legalBasis ?? null],
    );
    await tx.query('UPDATE persons SET unit_id=$2, position_title=$3, version=version+1, updated_at=now() WHERE id=$1', [
      id,
      t.unitId,
      t.positionTitle ?? before.position_title,
    ]);
    const after = (await getPerson(tx, id)) as PersonRow;
    await recordAudit(tx, {
      actor,
      action: 'staff.transfer',
      entityType: 'person',
      entityId: id,
      unitId: t.unitId,
      reason: t.legalBasis ?? null,
      details: { fromUnitId: before.unit_id, ...t },
    });
    return after;
  });
}

/** After a merge/rename/abolition, staff of the closed units move to the single successor (SAP_XEP). Idempotent. */
export async function moveStaffForSuccession(
  db: Db,
  ev: { fromIds: string[]; toIds: string[]; effectiveDate: string; legalBasis: string | null; actor: AuditActor },
): Promise<number> {
  if (ev.toIds.length !== 1) return 0;
  const target = ev.toIds[0] as string;
  const staff = await db.query<{ id: string }>(
    `SELECT id FROM persons WHERE unit_id = ANY($1::uuid[]) AND status <> 'LEFT'`,
    [ev.fromIds],
  );
  for (const p of staff)
    await transferPerson(
      db,
      p.id,
      { unitId: target, assignmentKind: 'SAP_XEP', effectiveDate: ev.effectiveDate, legalBasis: ev.legalBasis },
      ev.actor,
    );
  return staff.length;
}
