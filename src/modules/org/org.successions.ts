import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/ports/db';
import { errors } from '../../platform/errors';
import { addToOutbox } from '../../platform/outbox/outbox';
import { type AuditActor, recordAudit } from '../audit';
import { invalidateOrgTree } from './org-tree';

export type SuccessionKind = 'MERGE' | 'SPLIT' | 'RENAME' | 'ABOLISH_TRANSFER_FUNCTIONS';

export interface SuccessionInput {
  kind: SuccessionKind;
  fromIds: string[];
  toIds: string[];
  effectiveDate: string;
  legalBasis?: string | null;
  note?: string | null;
  /** Move the working staff of the closed units to the (single) successor, with history from effectiveDate. */
  moveStaff: boolean;
}

/** Published after a succession commits; the people module moves staff when `moveStaff` is set. */
export const ORG_SUCCESSION_RECORDED = 'org.succession_recorded.v1';
export interface SuccessionRecorded {
  successionId: string;
  kind: SuccessionKind;
  fromIds: string[];
  toIds: string[];
  effectiveDate: string;
  legalBasis: string | null;
  moveStaff: boolean;
  actor: AuditActor;
}

export interface SuccessionRow {
  id: string;
  kind: SuccessionKind;
  from_ids: string[];
  to_ids: string[];
  effective_date: string;
  legal_basis: string | null;
  note: string | null;
}

export async function listSuccessions(db: Db): Promise<SuccessionRow[]> {
  return db.query<SuccessionRow>('SELECT * FROM org_successions ORDER BY effective_date DESC');
}

/**
 * Records a merge/split/rename/abolition: the from-units close on the effective date (they keep their id and
 * history), still-open sub-units of a merged unit move under the first successor, and an event (through the outbox)
 * lets the people module move staff. All in one transaction with its audit entry and its event.
 */
export async function recordSuccession(db: Db, input: SuccessionInput, actor: AuditActor): Promise<SuccessionRow> {
  const overlap = input.fromIds.filter((id) => input.toIds.includes(id));
  if (input.kind !== 'RENAME' && overlap.length)
    throw errors.badRequest('SUCCESSION_OVERLAP', 'Đơn vị nguồn và đơn vị kế thừa trùng nhau.', 'A unit cannot succeed itself.');
  if (input.kind === 'MERGE' && input.toIds.length !== 1)
    throw errors.badRequest('SUCCESSION_SHAPE', 'Sáp nhập phải có đúng một đơn vị kế thừa.', 'A merge has exactly one successor.');
  if (input.kind === 'SPLIT' && (input.fromIds.length !== 1 || input.toIds.length < 2))
    throw errors.badRequest('SUCCESSION_SHAPE', 'Chia tách: một đơn vị nguồn, ít nhất hai đơn vị mới.', 'A split has one source and at least two successors.');
  const row = await db.transaction(async (tx) => {
    const ids = [...new Set([...input.fromIds, ...input.toIds])];
    const found = await tx.query<{ id: string; valid_from: string; valid_to: string | null }>(
      'SELECT id, valid_from, valid_to FROM org_units WHERE id = ANY($1::uuid[])',
      [ids],
    );
    if (found.length !== ids.length)
      throw errors.badRequest('SUCCESSION_UNKNOWN_UNIT', 'Có đơn vị không tồn tại trong danh sách.', 'Some listed units do not exist.');
    for (const u of found.filter((f) => input.fromIds.includes(f.id))) {
      if (u.valid_from >= input.effectiveDate)
        throw errors.badRequest('SUCCESSION_DATE', 'Ngày hiệu lực phải sau ngày thành lập đơn vị nguồn.', 'The effective date must follow the source unit’s start.');
      if (u.valid_to && u.valid_to < input.effectiveDate)
        throw errors.badRequest('SUCCESSION_CLOSED', 'Đơn vị nguồn đã giải thể trước ngày hiệu lực.', 'A source unit closed before the effective date.');
    }
    const id = randomUUID();
    const rows = await tx.query<SuccessionRow>(
      `INSERT INTO org_successions (id, kind, from_ids, to_ids, effective_date, legal_basis, note)
       VALUES ($1,$2,$3::uuid[],$4::uuid[],$5,$6,$7) RETURNING *`,
      [id, input.kind, input.fromIds, input.toIds, input.effectiveDate, input.legalBasis ?? null, input.note ?? null],
    );
    if (input.kind !== 'RENAME' || overlap.length === 0) {
      await tx.query(
        `UPDATE org_units SET valid_to = $2, updated_at = now() WHERE id = ANY($1::uuid[]) AND (valid_to IS NULL OR valid_to > $2)`,
        [input.fromIds, input.effectiveDate],
      );
    }
    if (input.toIds.length === 1 && input.kind !== 'SPLIT') {
      await tx.query(
        `UPDATE org_units SET parent_id = $2, updated_at = now()
          WHERE parent_id = ANY($1::uuid[]) AND (valid_to IS NULL OR valid_to > $3) AND id <> $2`,
        [input.fromIds, input.toIds[0], input.effectiveDate],
      );
    }
    await recordAudit(tx, {
      actor,
      action: 'org.succession_record',
      entityType: 'org_succession',
      entityId: id,
      unitId: input.toIds[0] ?? null,
      reason: input.legalBasis ?? null,
      details: { ...input },
    });
    const created = rows[0] as SuccessionRow;
    const event: SuccessionRecorded = {
      successionId: id,
      kind: created.kind,
      fromIds: created.from_ids,
      toIds: created.to_ids,
      effectiveDate: created.effective_date,
      legalBasis: created.legal_basis,
      moveStaff: input.moveStaff,
      actor,
    };
    await addToOutbox(tx, [{ id: `succession-${id}`, subject: ORG_SUCCESSION_RECORDED, data: event }]);
    return created;
  });
  invalidateOrgTree(db);
  return row;
}
