import { z } from 'zod';
import { ZBoolString, ZDate, ZPage, ZText, ZPageOf } from '../../platform/http/schemas';
import { localDateOf } from '../../platform/time';
import { KIND_CHANGE_CAUSE_LABELS, pickLabel, RETRACTION_REASON_LABELS } from '../../platform/glossary';
import { ACTION_LABELS, ESCALATION_ACTIONS, MANUAL_KINDS, SYSTEM_DEFAULT_RULES_EN, VIOLATION_KINDS } from '../rules';
import { KIND_LABELS } from './domain/labels';
import type { KindChangeRow } from './kind-changes.repo';
import { rulesBasisPhrase, thresholdNote } from './notices';
import { CASE_ACTIONS, CASE_STATES, type CaseAction, DECISION_LABELS, DECISIONS, STATE_LABELS } from './domain/states';
import type { ListRow } from './violations.query';
import type { CountedRow, EvidenceRow, PersonInfo, ViolationRow } from './violations.repo';
import type { CaseRow, ExplanationFileRow, ExplanationRow, TransitionRow } from './workflow.repo';
import { ZDisciplineContext } from './workflow.dto';

const ZBilingual = z.object({ vi: z.string(), en: z.string() });
const ZKind = z.enum(VIOLATION_KINDS);
const ZSource = z.enum(['ATTENDANCE', 'INSPECTION', 'LEADER']);
const ZJson = z.record(z.string(), z.unknown());

export const ZListQuery = z.strictObject({
  unitId: z.uuid().optional(),
  includeSubunits: ZBoolString.optional(),
  personId: z.uuid().optional(),
  kind: ZKind.optional(),
  state: z.enum(CASE_STATES).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  includeRetracted: ZBoolString.optional(),
  overdueOnly: ZBoolString.optional(),
  ...ZPage,
});

export const ZManual = z.strictObject({
  personId: z.uuid(),
  kind: z.enum(MANUAL_KINDS),
  source: z.enum(['INSPECTION', 'LEADER']),
  occurredOn: ZDate,
  title: ZText(200).pipe(z.string().min(3)),
  description: ZText(4000).pipe(z.string().min(3)),
  minutes: z.number().int().min(1).max(1440).nullish(),
  inspectionRef: ZText(100).nullish(),
  evidence: z
    .strictObject({ cameraId: z.uuid(), from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
    .refine((e) => Date.parse(e.to) > Date.parse(e.from) && Date.parse(e.to) - Date.parse(e.from) <= 10 * 60_000, 'range must be positive and at most 10 minutes')
    .nullish(),
});

export const ZManualCreated = z.object({ id: z.uuid(), repeatOrdinal: z.number().int(), proposedAction: z.enum(ESCALATION_ACTIONS) });

export const ZEvidenceParams = z.strictObject({ id: z.uuid(), evidenceId: z.uuid() });

/** One row of the violations list. */
export const ZViolationSummary = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    personName: z.string(),
    employeeCode: z.string(),
    unitId: z.uuid(),
    unitName: z.string(),
    kind: ZKind,
    source: ZSource,
    occurredOn: z.string(),
    session: z.string().nullable(),
    minutes: z.number().int().nullable(),
    title: z.string(),
    repeatOrdinal: z.number().int(),
    repeatWindow: z.string().nullable(),
    proposedAction: z.enum(ESCALATION_ACTIONS),
    retracted: z.boolean(),
    state: z.enum(CASE_STATES),
    explanationDueAt: z.date().nullable(),
    explanationDueOn: z.string().nullable().describe('The last day to explain (deadlines run to the end of a local day).'),
    decision: z.enum(DECISIONS).nullable(),
  })
  .meta({ id: 'ViolationSummary' });

export const ZViolationPage = ZPageOf(ZViolationSummary);

export function listDto(r: ListRow): z.output<typeof ZViolationSummary> {
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.full_name,
    employeeCode: r.employee_code,
    unitId: r.unit_id,
    unitName: r.unit_name,
    kind: r.kind,
    source: r.source,
    occurredOn: r.occurred_on,
    session: r.session,
    minutes: r.minutes,
    title: r.title,
    repeatOrdinal: r.repeat_ordinal,
    repeatWindow: r.repeat_window,
    proposedAction: r.proposed_action,
    retracted: r.retracted_at !== null,
    state: r.state,
    explanationDueAt: r.explanation_due_at,
    explanationDueOn: r.explanation_due_at ? localDateOf(r.explanation_due_at) : null,
    decision: r.decision,
  };
}

const ZEvidence = z.object({
  id: z.uuid(),
  kind: z.enum(['SNAPSHOT', 'CLIP', 'GATE_COVERAGE', 'PUNCH', 'DOCUMENT']),
  status: z.enum(['REQUESTED', 'READY', 'UNAVAILABLE', 'FAILED']),
  cameraId: z.uuid().nullable(),
  punchId: z.uuid().nullable(),
  rangeStart: z.date().nullable(),
  rangeEnd: z.date().nullable(),
  exportId: z.uuid().nullable(),
  sha256: z.string().nullable(),
  contentType: z.string().nullable(),
  details: ZJson,
  note: z.string().nullable(),
  playable: z.boolean().describe('A file can be fetched from …/evidence/{evidenceId}/content.'),
});

/** A violation with its judgement, case, history, explanations, evidence and what the caller may do next. */
export const ZViolationDetail = z
  .object({
    id: z.uuid(),
    person: z
      .object({
        id: z.uuid(),
        name: z.string(),
        employeeCode: z.string(),
        category: z.enum(['CAN_BO', 'CONG_CHUC', 'VIEN_CHUC', 'HOP_DONG']),
        positionTitle: z.string().nullable(),
      })
      .nullable(),
    unitId: z.uuid(),
    unitName: z.string(),
    kind: ZKind,
    kindLabel: ZBilingual,
    source: ZSource,
    occurredOn: z.string(),
    session: z.string().nullable(),
    minutes: z.number().int().nullable(),
    title: z.string(),
    facts: ZJson,
    thresholds: ZBilingual.nullable().describe('Whose attendance thresholds measured the fact; says so plainly when the system default was used.'),
    judgement: z.object({
      judged: z.boolean().describe('False while the fact awaits justification: no ordinal and no step yet.'),
      judgedAt: z.date().nullable(),
      ruleSetId: z.uuid().nullable(),
      ruleVersion: z.number().int().nullable(),
      rulesBasis: ZBilingual.describe('The regulation the judgement used, or the system default when the unit had none.'),
      repeatOrdinal: z.number().int(),
      repeatWindow: z.string().nullable(),
      proposedAction: z.enum(ESCALATION_ACTIONS),
      proposedActionLabel: ZBilingual,
      notifyUnitHead: z.boolean(),
      countedRecorded: z.boolean().describe('False for violations judged before the counted ids were kept.'),
      countedFrom: z
        .array(
          z.object({
            id: z.uuid(),
            occurredOn: z.string(),
            kind: ZKind,
            kindLabel: ZBilingual,
            stillUpheld: z.boolean(),
            since: z.enum(['UPHELD', 'DISMISSED', 'RETRACTED']).describe('What became of it after it was counted.'),
          }),
        )
        .describe('The upheld violations the ordinal was counted from. The judgement is never redone: one dismissed or retracted since is shown as such.'),
    }),
    kindChanges: z
      .array(
        z.object({
          from: ZKind,
          to: ZKind,
          fromLabel: ZBilingual,
          toLabel: ZBilingual,
          cause: z.string(),
          causeLabel: ZBilingual,
          attendanceRevision: z.number().int().nullable(),
          notified: z.boolean(),
          details: ZJson,
          at: z.date(),
        }),
      )
      .describe('The history of this fact’s kind (one fact, one violation).'),
    retraction: z.object({ at: z.date(), reason: z.string().nullable(), reasonLabel: ZBilingual.nullable(), details: ZJson.nullable() }).nullable(),
    case: z
      .object({
        state: z.enum(CASE_STATES),
        stateLabel: ZBilingual,
        explanationDueAt: z.date().nullable(),
        explanationDueOn: z.string().nullable(),
        decision: z.enum(DECISIONS).nullable(),
        decisionLabel: ZBilingual.nullable(),
        decisionReason: z.string().nullable(),
        decidedAt: z.date().nullable(),
        proposal: ZJson.nullable(),
        processingDueOn: z.string().nullable(),
        limitationUntil: z.string().nullable(),
        closedAt: z.date().nullable(),
      })
      .nullable(),
    transitions: z.array(
      z.object({ from: z.enum(CASE_STATES).nullable(), to: z.enum(CASE_STATES), actorName: z.string(), reason: z.string().nullable(), details: ZJson, at: z.date() }),
    ),
    explanations: z.array(
      z.object({
        id: z.uuid(),
        body: z.string(),
        submittedAt: z.date(),
        files: z.array(z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), sha256: z.string() })),
      }),
    ),
    evidence: z.array(ZEvidence),
    allowedActions: z.array(z.enum(CASE_ACTIONS)),
    discipline: ZDisciplineContext.nullable().describe('For those who may decide: the regime and time limits that apply.'),
  })
  .meta({ id: 'ViolationDetail' });

export interface DetailParts {
  v: ViolationRow;
  c: CaseRow | undefined;
  person: PersonInfo | undefined;
  unitName: string;
  evidence: EvidenceRow[];
  transitions: TransitionRow[];
  explanations: Array<ExplanationRow & { files: ExplanationFileRow[] }>;
  actions: CaseAction[];
  discipline: z.output<typeof ZDisciplineContext> | null;
  counted: CountedRow[];
  kindChanges: KindChangeRow[];
}

function countedDto(r: CountedRow) {
  const since = r.retracted_at ? ('RETRACTED' as const) : r.decision === 'DISMISSED' ? ('DISMISSED' as const) : ('UPHELD' as const);
  return { id: r.id, occurredOn: r.occurred_on, kind: r.kind, kindLabel: KIND_LABELS[r.kind], stillUpheld: since === 'UPHELD', since };
}

function rulesBasisDto(v: ViolationRow): { vi: string; en: string } {
  const b = v.rule_basis;
  if (!b || b.source === 'SYSTEM_DEFAULT') return { vi: rulesBasisPhrase(b), en: SYSTEM_DEFAULT_RULES_EN };
  return { vi: rulesBasisPhrase(b), en: `by ${b.name}${b.legalBasis ? ` (basis: ${b.legalBasis})` : ''}` };
}

function thresholdsDto(v: ViolationRow): { vi: string; en: string } | null {
  const vi = v.source === 'ATTENDANCE' ? thresholdNote(v.facts) : null;
  if (!vi) return null;
  const src = (v.facts.regulation as { source?: string } | undefined)?.source;
  const en =
    src === 'SYSTEM_DEFAULT'
      ? 'Working hours, grace minutes and the reporting limit are the system defaults (the unit has not adopted its own regulation).'
      : src === 'NATIONAL'
        ? 'Working hours and attendance thresholds follow the general regulation.'
        : 'Working hours and attendance thresholds follow the unit’s work regulation.';
  return { vi, en };
}

export function detailDto(parts: DetailParts): z.output<typeof ZViolationDetail> {
  const { v, c, person, unitName, evidence, transitions, explanations, actions, discipline } = parts;
  return {
    id: v.id,
    person: person ? { id: person.id, name: person.full_name, employeeCode: person.employee_code, category: person.category, positionTitle: person.position_title } : null,
    unitId: v.unit_id,
    unitName,
    kind: v.kind,
    kindLabel: KIND_LABELS[v.kind],
    source: v.source,
    occurredOn: v.occurred_on,
    session: v.session,
    minutes: v.minutes,
    title: v.title,
    facts: v.facts,
    thresholds: thresholdsDto(v),
    judgement: {
      judged: v.judged_at !== null,
      judgedAt: v.judged_at,
      ruleSetId: v.rule_set_id,
      ruleVersion: v.rule_version,
      rulesBasis: rulesBasisDto(v),
      repeatOrdinal: v.repeat_ordinal,
      repeatWindow: v.repeat_window,
      proposedAction: v.proposed_action,
      proposedActionLabel: ACTION_LABELS[v.proposed_action],
      notifyUnitHead: v.notify_unit_head,
      countedRecorded: v.repeat_of !== null,
      countedFrom: parts.counted.map(countedDto),
    },
    kindChanges: parts.kindChanges.map((k) => ({
      from: k.from_kind,
      to: k.to_kind,
      fromLabel: KIND_LABELS[k.from_kind],
      toLabel: KIND_LABELS[k.to_kind],
      cause: k.cause,
      causeLabel: { vi: pickLabel(KIND_CHANGE_CAUSE_LABELS, k.cause, 'vi'), en: pickLabel(KIND_CHANGE_CAUSE_LABELS, k.cause, 'en') },
      attendanceRevision: k.attendance_revision,
      notified: k.notified,
      details: k.details,
      at: k.at,
    })),
    retraction: v.retracted_at
      ? {
          at: v.retracted_at,
          reason: v.retraction_reason,
          reasonLabel: v.retraction_reason
            ? { vi: pickLabel(RETRACTION_REASON_LABELS, v.retraction_reason, 'vi'), en: pickLabel(RETRACTION_REASON_LABELS, v.retraction_reason, 'en') }
            : null,
          details: v.retraction_details,
        }
      : null,
    case: c
      ? {
          state: c.state,
          stateLabel: STATE_LABELS[c.state],
          explanationDueAt: c.explanation_due_at,
          explanationDueOn: c.explanation_due_at ? localDateOf(c.explanation_due_at) : null,
          decision: c.decision,
          decisionLabel: c.decision ? DECISION_LABELS[c.decision] : null,
          decisionReason: c.decision_reason,
          decidedAt: c.decided_at,
          proposal: c.proposal,
          processingDueOn: c.processing_due_on,
          limitationUntil: c.limitation_until,
          closedAt: c.closed_at,
        }
      : null,
    transitions: transitions.map((t) => ({ from: t.from_state, to: t.to_state, actorName: t.actor_name, reason: t.reason, details: t.details, at: t.at })),
    explanations: explanations.map((e) => ({
      id: e.id,
      body: e.body,
      submittedAt: e.submitted_at,
      files: e.files.map((f) => ({ id: f.id, fileName: f.file_name, contentType: f.content_type, sizeBytes: f.size_bytes, sha256: f.sha256 })),
    })),
    evidence: evidence.map((e) => ({
      id: e.id,
      kind: e.kind,
      status: e.status,
      cameraId: e.camera_id,
      punchId: e.punch_id,
      rangeStart: e.range_start,
      rangeEnd: e.range_end,
      exportId: e.export_id,
      sha256: e.sha256,
      contentType: e.content_type,
      details: e.details,
      note: e.note,
      playable: e.status === 'READY' && !!e.blob_key,
    })),
    allowedActions: actions,
    discipline,
  };
}
