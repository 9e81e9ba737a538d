/** The person, the violations and the issuing body as the documents name them. */
import type { Access } from '../../platform/access';
import { STAFF_CATEGORY_LABELS, VIOLATION_KIND_LABELS } from '../../platform/glossary';
import type { Db } from '../../platform/ports/db';
import { formatDateVi } from '../../platform/time';
import { competenceOf } from '../competence';
import type { CaseContext } from './case-context';
import { type Issuer, issuerOf, type Subject } from './docx/templates';

export function subjectOf(ctx: CaseContext): Subject {
  return {
    fullName: ctx.person.full_name,
    gender: ctx.person.gender,
    position: ctx.person.position_title,
    unitName: ctx.person.unit_name ?? '',
    categoryLabel: STAFF_CATEGORY_LABELS[ctx.c.category].vi,
  };
}

export function violationLines(ctx: CaseContext): string[] {
  return ctx.violations.map((v) => `${(VIOLATION_KIND_LABELS as Record<string, { vi: string }>)[v.kind]?.vi ?? v.kind} ngày ${formatDateVi(v.occurred_on)}`);
}

/** The body competent for the decision (the competence table); the person's unit when none is named. */
export async function caseIssuer(db: Db, access: Access, ctx: CaseContext, today: string): Promise<Issuer & { unitId: string }> {
  const v = await competenceOf(db, access, { matter: 'DISCIPLINE_DECISION', subjectPersonId: ctx.c.person_id, date: today });
  const unitId = v.competentUnitId ?? ctx.c.unit_id;
  const name = v.competentUnitName ?? ctx.person.unit_name ?? '';
  return { ...issuerOf(name, null), unitId };
}
