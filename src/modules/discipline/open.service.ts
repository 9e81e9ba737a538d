import { randomUUID } from 'node:crypto';
import type { Access } from '../../platform/access';
import { errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { localDateOf } from '../../platform/time';
import { recordAudit } from '../audit';
import { getPerson } from '../people';
import { regimeFor, violationsForDiscipline } from '../violations';
import { insertCase, insertCaseViolation, insertStep, linkedViolationIds } from './cases.repo';
import { councilRequired } from './domain/forms';
import { assertMayRunProcedure } from './guards';

/**
 * Opens a case from one or more violations of one person, each proposed for discipline (DISCIPLINE_PROPOSED) and in
 * no other case: several violations considered together lead to one decision (NĐ 172/2025 Điều 2). Detection, from
 * which the processing period runs, is the earliest proposal.
 */
export async function openDisciplineCase(db: Db, access: Access, input: { violationIds: string[]; note: string | null }, now: Date): Promise<string> {
  const ids = [...new Set(input.violationIds)];
  const today = localDateOf(now);
  return db.transaction(async (tx) => {
    const found = await violationsForDiscipline(tx, ids, true);
    if (found.length !== ids.length) throw errors.notFound('Violation', 'vi phạm');
    const persons = new Set(found.map((v) => v.personId));
    if (persons.size !== 1)
      throw errors.badRequest('DISCIPLINE_SEVERAL_PERSONS', 'Một hồ sơ kỷ luật chỉ gồm các vi phạm của cùng một người.', 'A discipline case holds the violations of one person only.');
    for (const v of found) access.requireInUnit('violations.decide', v.unitId);
    const notProposed = found.filter((v) => v.state !== 'DISCIPLINE_PROPOSED');
    if (notProposed.length)
      throw errors.conflict('VIOLATION_NOT_PROPOSED', 'Chỉ lập hồ sơ từ các vi phạm đã được đề nghị xem xét kỷ luật.', 'Only violations proposed for discipline can open a case.', {
        violations: notProposed.map((v) => ({ id: v.id, state: v.state })),
      });
    const linked = await linkedViolationIds(tx, ids);
    if (linked.length)
      throw errors.conflict('VIOLATION_ALREADY_IN_CASE', 'Vi phạm đã thuộc một hồ sơ kỷ luật khác.', 'A violation is already in another discipline case.', { violationIds: linked });
    const personId = found[0]?.personId as string;
    const person = await getPerson(tx, personId);
    if (!person) throw errors.notFound('Person', 'cán bộ');
    await assertMayRunProcedure(tx, access, { person_id: personId, unit_id: person.unit_id }, today);
    const regime = regimeFor(person.category, today);
    const id = randomUUID();
    const detectedOn = found.map((v) => v.proposedOn).sort()[0] as string;
    await insertCase(tx, {
      id,
      person_id: personId,
      unit_id: person.unit_id,
      category: person.category,
      regime_code: regime.code,
      state: 'OPEN',
      council_required: councilRequired(person.category),
      detected_on: detectedOn,
      note: input.note,
      opened_by: access.principal.userId,
      opened_at: now,
    });
    for (const v of found) await insertCaseViolation(tx, { case_id: id, violation_id: v.id, occurred_on: v.occurredOn, kind: v.kind, proposed_on: v.proposedOn });
    const actor = access.actor();
    const details = { violationIds: ids, regime: regime.code, detectedOn, note: input.note };
    await insertStep(tx, { case_id: id, action: 'open', from_state: null, to_state: 'OPEN', on_date: today, actor_id: actor.id, actor_name: actor.name, details, at: now });
    await recordAudit(tx, { actor, action: 'discipline.open', entityType: 'discipline_case', entityId: id, unitId: person.unit_id, details }, now);
    return id;
  });
}
