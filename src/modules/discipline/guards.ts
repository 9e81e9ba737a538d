import type { Access } from '../../platform/access';
import { AppError } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { competenceOf } from '../competence';

/**
 * Who may run the procedure of a case (call the meetings, form the council, record minutes, enter suspensions): holders
 * of violations.decide over the case's unit — never on their own case nor on a superior's (the competence verdict
 * for DISCIPLINE_DECISION says which). The decision itself needs the competence (assertCompetent) as well.
 */
export async function assertMayRunProcedure(db: Db, access: Access, c: { person_id: string; unit_id: string }, today: string): Promise<void> {
  access.requireInUnit('violations.decide', c.unit_id);
  const v = await competenceOf(db, access, { matter: 'DISCIPLINE_DECISION', subjectPersonId: c.person_id, date: today });
  const details = { subjectPersonId: c.person_id };
  if (v.code === 'COMPETENCE_OWN_CASE') throw new AppError(403, 'COMPETENCE_OWN_CASE', v.message_vi ?? '', v.message_en ?? '', details);
  if (v.code === 'COMPETENCE_SUPERIOR_CASE') throw new AppError(403, 'COMPETENCE_SUPERIOR_CASE', v.message_vi ?? '', v.message_en ?? '', details);
}
