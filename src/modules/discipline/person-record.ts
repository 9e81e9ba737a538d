/** The discipline facts of a person's record: cases under consideration, decisions with their effects. */
import type { Db } from '../../platform/ports/db';
import { listCases } from './cases.repo';
import { decisionDto } from './case-view';
import type { ConsequenceFact } from './domain/forms';
import { DISCIPLINE_STATE_LABELS, isActive } from './domain/states';
import { decisionsOfPerson } from './records.repo';

export async function disciplineRecord(db: Db, personId: string, today: string) {
  const cases = await listCases(db, { unitIds: null, personId });
  const decisions = (await decisionsOfPerson(db, personId)).map((d) => {
    const facts = d.consequences as ConsequenceFact[];
    const inForce = d.effective_on <= today && facts.some((f) => f.until !== null && today < f.until);
    return { caseId: d.case_id, ...decisionDto(d), inForce };
  });
  return {
    personId,
    underConsideration: cases.filter((c) => isActive(c.state)).map((c) => ({ caseId: c.id, state: c.state, stateLabel: DISCIPLINE_STATE_LABELS[c.state], detectedOn: c.detected_on })),
    decisions,
  };
}
