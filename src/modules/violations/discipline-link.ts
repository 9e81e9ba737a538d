/**
 * What the discipline module (after violations in the module order) may read and do to violations (CONTRACT C7):
 * list the violations proposed for discipline, read them for a case, and close them when the case ends (decision or
 * no discipline) through the case's own state machine, so each violation's history shows how it ended.
 */
import type { Db } from '../../platform/ports/db';
import type { AuditActor } from '../audit';
import { localDateOf } from '../../platform/time';
import { KIND_LABELS } from './domain/labels';
import { applyTransition } from './workflow.service';

export interface ProposedViolation {
  id: string;
  personId: string;
  unitId: string;
  kind: string;
  kindLabel: { vi: string; en: string };
  title: string;
  occurredOn: string;
  /** The day the discipline proposal was made (detection for the processing period). */
  proposedOn: string;
  proposalNote: string | null;
  state: string;
}

interface Row {
  id: string;
  person_id: string;
  unit_id: string;
  kind: string;
  title: string;
  occurred_on: string;
  state: string;
  proposed_at: Date | null;
  proposal_note: string | null;
}

const SELECT = `SELECT v.id, v.person_id, v.unit_id, v.kind, v.title, v.occurred_on::text AS occurred_on, c.state,
       (SELECT max(t.at) FROM violation_case_transitions t WHERE t.violation_id = v.id AND t.to_state = 'DISCIPLINE_PROPOSED') AS proposed_at,
       (SELECT t.reason FROM violation_case_transitions t WHERE t.violation_id = v.id AND t.to_state = 'DISCIPLINE_PROPOSED' ORDER BY t.seq DESC LIMIT 1) AS proposal_note
  FROM violations v JOIN violation_cases c ON c.violation_id = v.id`;

function toProposed(r: Row): ProposedViolation {
  const label = (KIND_LABELS as Record<string, { vi: string; en: string }>)[r.kind] ?? { vi: r.kind, en: r.kind };
  return {
    id: r.id,
    personId: r.person_id,
    unitId: r.unit_id,
    kind: r.kind,
    kindLabel: label,
    title: r.title,
    occurredOn: r.occurred_on,
    proposedOn: r.proposed_at ? localDateOf(r.proposed_at) : r.occurred_on,
    proposalNote: r.proposal_note,
    state: r.state,
  };
}

/** Violations waiting in DISCIPLINE_PROPOSED (not retracted), in the given units, optionally of one person. */
export async function proposedForDiscipline(db: Db, q: { unitIds: readonly string[]; personId?: string }): Promise<ProposedViolation[]> {
  const rows = await db.query<Row>(
    `${SELECT} WHERE c.state = 'DISCIPLINE_PROPOSED' AND v.retracted_at IS NULL AND v.unit_id = ANY($1::uuid[])
       AND ($2::uuid IS NULL OR v.person_id = $2) ORDER BY v.person_id, v.occurred_on`,
    [q.unitIds, q.personId ?? null],
  );
  return rows.map(toProposed);
}

/** The named violations (locked when `lock`), whatever their state; the caller checks state and person. */
export async function violationsForDiscipline(db: Db, ids: readonly string[], lock = false): Promise<ProposedViolation[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<Row>(`${SELECT} WHERE v.id = ANY($1::uuid[]) ORDER BY v.occurred_on${lock ? ' FOR UPDATE OF v, c' : ''}`, [ids]);
  return rows.map(toProposed);
}

/**
 * Closes the violations of a discipline case that ended (a decision, or no discipline), in the caller's transaction,
 * through the violation case's own transition (DISCIPLINE_PROPOSED → CLOSED), with the case reference in its history.
 */
export async function closeForDiscipline(
  tx: Db,
  violationIds: readonly string[],
  outcome: { caseId: string; reason: string; decisionNo: string | null; formCode: string | null },
  actor: AuditActor,
  at: Date,
): Promise<void> {
  for (const v of await violationsForDiscipline(tx, violationIds, true)) {
    if (v.state !== 'DISCIPLINE_PROPOSED') continue;
    await applyTransition(tx, { id: v.id, unit_id: v.unitId }, 'close', actor, at, {
      reason: outcome.reason,
      details: { disciplineCaseId: outcome.caseId, decisionNo: outcome.decisionNo, form: outcome.formCode },
      patch: { closed_at: at },
    });
  }
}
