import type { Access, Permission } from '../../platform/access';
import { errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { localDateOf } from '../../platform/time';
import { assertCompetent, competenceOf, type Matter } from '../competence';

/**
 * Who may approve or reject a request: a role over the request's unit (the permissions below) AND the competence
 * table for the matter (never one's own case, never a superior's; CONTRACT C2). The list routes answer the same
 * verdict per item, so the UI offers the buttons exactly when the API would accept them.
 */
export const DECIDE_PERMISSIONS: Record<Extract<Matter, 'LEAVE_APPROVAL' | 'ATTENDANCE_CORRECTION'>, readonly Permission[]> = {
  LEAVE_APPROVAL: ['leave.approve'],
  // The office that runs attendance may also settle a missed punch, if the competence table says it is competent.
  ATTENDANCE_CORRECTION: ['leave.approve', 'attendance.manage'],
};

export type DecisionMatter = keyof typeof DECIDE_PERMISSIONS;

export interface DecisionBlock {
  code: string;
  message_vi: string;
  message_en: string;
}

const hasRole = (access: Access, matter: DecisionMatter, unitId: string) => DECIDE_PERMISSIONS[matter].some((p) => access.canInUnit(p, unitId));

/** Throws 403 unless the signed-in user may decide this subject's request today. */
export async function assertMayDecide(db: Db, access: Access, matter: DecisionMatter, subject: { personId: string; unitId: string }, now: Date): Promise<void> {
  if (!hasRole(access, matter, subject.unitId)) {
    const anywhere = DECIDE_PERMISSIONS[matter].some((p) => access.unitsFor(p).length > 0);
    throw anywhere ? errors.outOfScope() : errors.forbidden({ permission: DECIDE_PERMISSIONS[matter][0] });
  }
  await assertCompetent(db, access, { matter, subjectPersonId: subject.personId, date: localDateOf(now) });
}

/** The verdict for each pending item of a list (null = may decide); closed items get a block too. */
export async function decisionBlocks(
  db: Db,
  access: Access,
  matter: DecisionMatter,
  items: ReadonlyArray<{ personId: string; unitId: string; status: string }>,
  now: Date,
): Promise<Array<DecisionBlock | null>> {
  const date = localDateOf(now);
  const cache = new Map<string, DecisionBlock | null>();
  const out: Array<DecisionBlock | null> = [];
  for (const it of items) {
    if (it.status !== 'PENDING') {
      out.push({ code: 'REQUEST_NOT_PENDING', message_vi: 'Đơn này không còn chờ duyệt.', message_en: 'This request is no longer pending.' });
      continue;
    }
    if (!hasRole(access, matter, it.unitId)) {
      out.push({ code: 'OUT_OF_SCOPE', message_vi: 'Đơn thuộc đơn vị ngoài phạm vi duyệt của bạn.', message_en: 'The request belongs to a unit outside your approval scope.' });
      continue;
    }
    let verdict = cache.get(it.personId);
    if (verdict === undefined) {
      const v = await competenceOf(db, access, { matter, subjectPersonId: it.personId, date });
      verdict = v.allowed ? null : { code: v.code ?? 'COMPETENCE_NOT_COMPETENT', message_vi: v.message_vi ?? '', message_en: v.message_en ?? '' };
      cache.set(it.personId, verdict);
    }
    out.push(verdict);
  }
  return out;
}
