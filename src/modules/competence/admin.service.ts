import { randomUUID } from 'node:crypto';
import { errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { type AuditActor, recordAudit } from '../audit';
import * as repo from './competence.repo';
import type { Matter } from './competence.types';
import type { CompetenceRule, Decider, ExternalLevel, Post } from './domain/model';
import { loadWorld } from './world';

export interface RuleInput {
  matter: Matter;
  subjectPost: Post;
  subjectUnitTypes?: string[] | null | undefined;
  subjectCategory?: string | null | undefined;
  decider: Decider;
  externalName?: string | null | undefined;
  externalLevel?: ExternalLevel | null | undefined;
  validFrom: string;
  validTo?: string | null | undefined;
  legalBasis: string;
  note?: string | null | undefined;
}

const ruleInvalid = (vi: string, en: string) => errors.badRequest('COMPETENCE_RULE_INVALID', vi, en);

/** Adopts a rule version; the open version for the same subject is closed on the new one's first day. */
export async function adoptRule(db: Db, input: RuleInput, actor: AuditActor): Promise<{ rule: CompetenceRule; closedRuleIds: string[] }> {
  if (input.decider === 'EXTERNAL' && (!input.externalName || !input.externalLevel))
    throw ruleInvalid('Cấp ngoài cơ quan phải nêu tên và cấp (ví dụ "Chủ tịch UBND tỉnh", cấp tỉnh).', 'An external decider needs a name and a level.');
  if (input.validTo && input.validTo <= input.validFrom) throw ruleInvalid('Ngày hết hiệu lực phải sau ngày có hiệu lực.', 'validTo must follow validFrom.');
  const rule: CompetenceRule = {
    id: randomUUID(),
    matter: input.matter,
    subjectPost: input.subjectPost,
    subjectUnitTypes: input.subjectUnitTypes ?? null,
    subjectCategory: input.subjectCategory ?? null,
    decider: input.decider,
    externalName: input.decider === 'EXTERNAL' ? (input.externalName ?? null) : null,
    externalLevel: input.decider === 'EXTERNAL' ? (input.externalLevel ?? null) : null,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
    legalBasis: input.legalBasis,
    note: input.note ?? null,
  };
  return db.transaction(async (tx) => {
    const closedRuleIds = await repo.insertRuleClosingPrevious(tx, rule, actor.name);
    await recordAudit(tx, { actor, action: 'competence.rule_adopt', entityType: 'competence_rule', entityId: rule.id, details: { rule, closedRuleIds } });
    return { rule: { ...rule, subjectUnitTypes: rule.subjectUnitTypes ? [...rule.subjectUnitTypes].sort() : null }, closedRuleIds };
  });
}

const postDates = () => errors.badRequest('LEADERSHIP_POST_DATES', 'Ngày thôi giữ chức vụ phải sau ngày bắt đầu.', 'The end of the post must be after its start.');

export async function createPost(db: Db, input: Omit<repo.PostRow, 'id'>, actor: AuditActor): Promise<repo.PostRow> {
  if (input.valid_to && input.valid_to <= input.valid_from) throw postDates();
  const row = { ...input, id: randomUUID() };
  await db.transaction(async (tx) => {
    await repo.insertPost(tx, row);
    await recordAudit(tx, { actor, action: 'competence.post_create', entityType: 'leadership_post', entityId: row.id, unitId: row.unit_id, details: { after: row } });
  });
  return row;
}

export async function changePost(db: Db, before: repo.PostRow, patch: Partial<repo.PostRow>, actor: AuditActor): Promise<repo.PostRow> {
  const after: repo.PostRow = { ...before, ...patch, id: before.id, person_id: before.person_id, unit_id: before.unit_id };
  if (after.valid_to && after.valid_to <= after.valid_from) throw postDates();
  await db.transaction(async (tx) => {
    await repo.updatePost(tx, after);
    await recordAudit(tx, { actor, action: 'competence.post_update', entityType: 'leadership_post', entityId: after.id, unitId: after.unit_id, details: { before, after } });
  });
  return after;
}

export async function removePost(db: Db, before: repo.PostRow, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.deletePost(tx, before.id);
    await recordAudit(tx, { actor, action: 'competence.post_delete', entityType: 'leadership_post', entityId: before.id, unitId: before.unit_id, details: { before } });
  });
}

const delegationInvalid = (vi: string, en: string) => errors.badRequest('DELEGATION_INVALID', vi, en);

/** Records an ủy quyền; the delegating person must lead some unit on its first day (one cannot pass on what one lacks). */
export async function createDelegation(
  db: Db,
  input: Omit<repo.DelegationRow, 'id' | 'created_by' | 'ended_by'>,
  actor: AuditActor,
): Promise<repo.DelegationRow> {
  if (input.from_person_id === input.to_person_id) throw delegationInvalid('Không thể tự ủy quyền cho chính mình.', 'One cannot delegate to oneself.');
  if (input.valid_to <= input.valid_from) throw delegationInvalid('Ngày kết thúc ủy quyền phải sau ngày bắt đầu.', 'The end must follow the start.');
  const world = await loadWorld(db, input.valid_from);
  if (!world.leaders.some((l) => l.personId === input.from_person_id))
    throw delegationInvalid('Người ủy quyền không giữ chức vụ lãnh đạo vào ngày bắt đầu ủy quyền.', 'The delegating person holds no leadership post on the first day.');
  const row: repo.DelegationRow = { ...input, id: randomUUID(), created_by: actor.name, ended_by: null };
  await db.transaction(async (tx) => {
    await repo.insertDelegation(tx, row);
    await recordAudit(tx, { actor, action: 'competence.delegation_create', entityType: 'delegation', entityId: row.id, details: { after: row } });
  });
  return row;
}

/** Ends an ủy quyền from `endOn` (never before it began: then it simply never applied). */
export async function endDelegationOn(db: Db, d: repo.DelegationRow, endOn: string, actor: AuditActor): Promise<repo.DelegationRow> {
  if (d.valid_to <= endOn) throw errors.conflict('DELEGATION_ENDED', 'Ủy quyền đã hết hiệu lực.', 'The delegation has already ended.');
  const end = endOn < d.valid_from ? d.valid_from : endOn;
  await db.transaction(async (tx) => {
    await repo.endDelegation(tx, d.id, end, actor.name);
    await recordAudit(tx, { actor, action: 'competence.delegation_end', entityType: 'delegation', entityId: d.id, details: { before: d, validTo: end } });
  });
  return { ...d, valid_to: end, ended_by: actor.name };
}
