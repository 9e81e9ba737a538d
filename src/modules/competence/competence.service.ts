import type { Access } from '../../platform/access';
import { AppError } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import type { CompetenceQuery, CompetenceVerdict, CompetentDecider } from './competence.types';

/** For UIs: may this signed-in user act on this subject's matter? (never throws for a refusal) */
export async function competenceOf(_db: Db, access: Access, q: CompetenceQuery): Promise<CompetenceVerdict> {
  if (access.isSelf(q.subjectPersonId))
    return {
      allowed: false,
      code: 'COMPETENCE_OWN_CASE',
      message_vi: 'Không được tự quyết định việc của chính mình.',
      message_en: 'You cannot decide on your own matter.',
      competentUnitId: null,
      competentUnitName: null,
      external: false,
      legalBasis: null,
    };
  return { allowed: true, code: null, message_vi: null, message_en: null, competentUnitId: null, competentUnitName: null, external: false, legalBasis: null };
}

/** For routes/services: throws 403 with the verdict's code, message_vi, message_en and details when refused. */
export async function assertCompetent(db: Db, access: Access, q: CompetenceQuery): Promise<void> {
  const v = await competenceOf(db, access, q);
  if (!v.allowed) {
    throw new AppError(403, v.code ?? 'COMPETENCE_NOT_COMPETENT', v.message_vi ?? '', v.message_en ?? '', v);
  }
}

/** Who should receive a subject's matter: never the subject, never a subordinate; empty when external. */
export async function competentDeciders(_db: Db, _q: CompetenceQuery): Promise<CompetentDecider[]> {
  return [];
}
