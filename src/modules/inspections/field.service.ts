import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Access } from '../../platform/access';
import { AppError, errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { localDateOf } from '../../platform/time';
import { recordAudit } from '../audit';
import { loadOrgTree } from '../org';
import { personsOnDate } from '../people';
import type { ViolationKind } from '../rules';
import { openManualViolation } from '../violations';
import { FIELD_STATES } from './domain/states';
import { requireMember, requireState, visibleInspection } from './guards';
import type { ZFindingBody, ZResultBody } from './inspections.dto';
import { findingByClientId, type FindingRow, getItem, type InspectionRow, type ItemRow, members } from './inspections.repo';

/** The work on site: a verdict per checklist item, and findings (per-person ones open violations). */

export async function itemOf(db: Db, i: InspectionRow, itemId: string): Promise<ItemRow> {
  const item = await getItem(db, itemId);
  if (!item || item.checklist_id !== i.checklist_id) throw errors.notFound('Checklist item', 'tiêu chí kiểm tra');
  return item;
}

export async function putResult(db: Db, access: Access, id: string, itemId: string, body: z.infer<typeof ZResultBody>, now: Date): Promise<void> {
  const { i, s } = await visibleInspection(db, access, id);
  requireMember(s);
  requireState(i, FIELD_STATES);
  const item = await itemOf(db, i, itemId);
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO inspection_item_results (inspection_id, item_id, verdict, note, updated_by, updated_at) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (inspection_id, item_id) DO UPDATE SET verdict = EXCLUDED.verdict, note = EXCLUDED.note, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [id, item.id, body.verdict, body.note, access.principal.userId, now.toISOString()],
    );
    await recordAudit(tx, { actor: access.actor(), action: 'inspections.result', entityType: 'inspection', entityId: id, unitId: i.target_unit_id, details: { item: item.code, verdict: body.verdict } }, now);
  });
}

const notInUnit = (name: string, date: string, details: unknown) =>
  new AppError(
    422,
    'FINDING_PERSON_NOT_IN_UNIT',
    `${name} không thuộc đơn vị được kiểm tra vào ngày ${date}.`,
    `${name} did not belong to the inspected unit on ${date}.`,
    details,
  );

/**
 * A finding. Sent again with the same clientId (the device's offline queue retrying) it returns the first one and
 * writes nothing. A per-person finding names someone of the target unit (or its sub-units) on the day observed, never
 * a team member; when its item carries a violation kind it opens a violation (source INSPECTION) in the same
 * transaction, with the inspection as its reference, so the person has the same explanation rights as for any other.
 */
export async function addFinding(
  db: Db,
  access: Access,
  id: string,
  body: z.infer<typeof ZFindingBody>,
  now: Date,
): Promise<{ finding: FindingRow; created: boolean }> {
  const { i, s } = await visibleInspection(db, access, id);
  requireMember(s);
  const existing = await findingByClientId(db, id, body.clientId);
  if (existing) return { finding: existing, created: false };
  requireState(i, FIELD_STATES);
  const item = await itemOf(db, i, body.itemId);
  const observedAt = new Date(body.observedAt);
  if (observedAt.getTime() > now.getTime() + 5 * 60_000)
    throw errors.badRequest('FINDING_IN_FUTURE', 'Thời điểm ghi nhận không được ở tương lai.', 'The observation time cannot be in the future.');
  const date = localDateOf(observedAt);
  if (body.personId) {
    if (!item.per_person)
      throw errors.badRequest('FINDING_ITEM_NOT_PER_PERSON', 'Tiêu chí này không ghi nhận theo từng người.', 'This item is not recorded per person.', { item: item.code });
    const [p] = await personsOnDate(db, [body.personId], date);
    if (!p) throw errors.notFound('Person', 'cán bộ');
    const scope = (await loadOrgTree(db)).scopeOf(i.target_unit_id);
    if (!scope.has(p.unitId)) throw notInUnit(p.fullName, date, { personId: p.personId, unitId: p.unitId, targetUnitId: i.target_unit_id, date });
    if ((await members(db, id)).some((m) => m.person_id === p.personId))
      throw new AppError(422, 'FINDING_ON_TEAM_MEMBER', 'Không ghi nhận vi phạm đối với thành viên đoàn kiểm tra.', 'A team member cannot be the subject of a finding.', { personId: p.personId });
  }
  const findingId = randomUUID();
  return db.transaction(async (tx) => {
    const inserted = await tx.query<FindingRow>(
      `INSERT INTO inspection_findings (id, inspection_id, item_id, person_id, description, observed_at, client_id, created_by, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (inspection_id, client_id) DO NOTHING RETURNING *`,
      [findingId, id, item.id, body.personId, body.description, observedAt.toISOString(), body.clientId, access.principal.userId, now.toISOString()],
    );
    // Another request with the same clientId won the race: answer with its finding.
    if (!inserted[0]) return { finding: (await findingByClientId(tx, id, body.clientId)) as FindingRow, created: false };
    let finding = inserted[0];
    if (body.personId && item.violation_kind) {
      const v = await openManualViolation(
        tx,
        {
          personId: body.personId,
          kind: item.violation_kind as ViolationKind,
          source: 'INSPECTION',
          occurredOn: date,
          title: `Kiểm tra công vụ: ${item.title_vi}`,
          description: body.description,
          inspectionRef: id,
        },
        access.actor(),
        now,
        // The unit was checked above against the inspected unit on that date (the team's competence, not a role).
        () => undefined,
      );
      [finding] = (await tx.query<FindingRow>('UPDATE inspection_findings SET violation_id = $2 WHERE id = $1 RETURNING *', [findingId, v.id])) as [FindingRow];
    }
    await recordAudit(
      tx,
      { actor: access.actor(), action: 'inspections.finding', entityType: 'inspection', entityId: id, unitId: i.target_unit_id, details: { findingId, item: item.code, personId: body.personId, violationId: finding.violation_id } },
      now,
    );
    return { finding, created: true };
  });
}
