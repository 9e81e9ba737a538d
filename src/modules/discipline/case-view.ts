/** What the case page shows: the case, its dated steps, meetings, council, decision, suspensions, documents, deadlines. */
import type { Access } from '../../platform/access';
import { STAFF_CATEGORY_LABELS, VIOLATION_KIND_LABELS } from '../../platform/glossary';
import type { Db } from '../../platform/ports/db';
import { competenceOf } from '../competence';
import { deadlinesOf, loadCaseContext, regimeOn } from './case-context';
import { stepsOf } from './cases.repo';
import { allowedForms, type ConsequenceFact } from './domain/forms';
import { complaintUntil, covers } from './domain/periods';
import { allowedActions, DISCIPLINE_ACTION_LABELS, DISCIPLINE_STATE_LABELS } from './domain/states';
import { holdsLeadership } from './leadership';
import { type DecisionRow, decisionOf, documentsOf, meetingsOf, membersOf } from './records.repo';

export function decisionDto(d: DecisionRow) {
  return {
    number: d.number_text,
    issuerName: d.issuer_name,
    signedOn: d.signed_on,
    effectiveOn: d.effective_on,
    formCode: d.form_code,
    formLabel: d.form_label,
    reasons: d.reasons,
    signerName: d.signer_name,
    signerTitle: d.signer_title,
    authorityLine: d.authority_line,
    deliveredOn: d.delivered_on,
    complaintUntil: d.delivered_on ? complaintUntil(d.delivered_on) : null,
    complaintNote: 'Luật Khiếu nại 2011: 15 ngày kể từ ngày nhận quyết định [K-M]',
    consequences: d.consequences as ConsequenceFact[],
    decidedAt: d.decided_at,
  };
}

export async function caseView(db: Db, access: Access, caseId: string, today: string) {
  const ctx = await loadCaseContext(db, caseId);
  const { c, person } = ctx;
  const regime = regimeOn(ctx, today);
  const isLeader = holdsLeadership(person.position_title);
  const [steps, meetings, members, decision, documents] = await Promise.all([stepsOf(db, c.id), meetingsOf(db, c.id), membersOf(db, c.id), decisionOf(db, c.id), documentsOf(db, c.id)]);
  const verdict = await competenceOf(db, access, { matter: 'DISCIPLINE_DECISION', subjectPersonId: c.person_id, date: today });
  const suspendedNow = covers(ctx.suspensions, today) ?? null;
  return {
    id: c.id,
    state: c.state,
    stateLabel: DISCIPLINE_STATE_LABELS[c.state],
    councilRequired: c.council_required,
    category: c.category,
    categoryLabel: STAFF_CATEGORY_LABELS[c.category],
    regime: { code: regime.code, nameVi: regime.nameVi, nameEn: regime.nameEn, legalBasis: regime.legalBasis, note: regime.note },
    detectedOn: c.detected_on,
    openedAt: c.opened_at,
    extended: c.extended,
    extensionReason: c.extension_reason,
    note: c.note,
    person: { id: person.id, fullName: person.full_name, employeeCode: person.employee_code, unitName: person.unit_name ?? '', positionTitle: person.position_title, isLeader },
    violations: ctx.violations.map((v) => ({ id: v.violation_id, kind: v.kind, kindLabel: (VIOLATION_KIND_LABELS as Record<string, { vi: string; en: string }>)[v.kind] ?? { vi: v.kind, en: v.kind }, occurredOn: v.occurred_on, proposedOn: v.proposed_on })),
    steps: steps.map((s) => ({ seq: s.seq, action: s.action, label: (DISCIPLINE_ACTION_LABELS as Record<string, { vi: string; en: string }>)[s.action] ?? { vi: s.action, en: s.action }, fromState: s.from_state, toState: s.to_state, onDate: s.on_date, actorName: s.actor_name, at: s.at, details: s.details })),
    meetings: meetings.map((m) => ({ id: m.id, kind: m.kind, invitationNo: m.invitation_no, invitationDeliveredOn: m.invitation_delivered_on, meetingOn: m.meeting_on, meetingTime: m.meeting_time, place: m.place, chairName: m.chair_name, heldOn: m.held_on, personPresent: m.person_present, attendees: m.attendees, opinions: m.opinions, conclusion: m.conclusion, ballot: m.ballot, recommendation: m.recommendation })),
    council: members.map((m) => ({ seq: m.seq, personId: m.person_id, name: m.full_name, role: m.role, title: m.title, formedOn: m.formed_on })),
    decision: decision ? decisionDto(decision) : null,
    suspensions: ctx.suspensions,
    suspendedNow,
    documents: documents.map((d) => ({ id: d.id, kind: d.kind, fileName: d.file_name, contentType: d.content_type, sizeBytes: d.size_bytes, sha256: d.sha256, generated: d.generated, createdAt: d.created_at })),
    deadlines: deadlinesOf(ctx, today),
    allowedForms: allowedForms(regime, isLeader).map((f) => ({ code: f.code, vi: f.vi, en: f.en })),
    allowedActions: allowedActions(c.state, c.council_required),
    competence: { allowed: verdict.allowed, code: verdict.code, message_vi: verdict.message_vi, message_en: verdict.message_en, competentUnitName: verdict.competentUnitName, external: verdict.external },
  };
}
