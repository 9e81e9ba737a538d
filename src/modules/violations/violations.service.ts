import { randomUUID } from 'node:crypto';
import { errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { type AttendanceDayUpdated, attendanceDayUpdatedSchema } from '../attendance';
import { type AuditActor, recordAudit } from '../audit';
import { formatDateVi, localDateOf } from '../../platform/time';
import { violationTemplates as templates } from './notice-templates';
import { notify } from '../notifications';
import { personRecipient, unitHeads } from '../notifications';
import { deciders } from './notices';
import { repeatKinds, stepFor, windowFor } from '../rules';
import type { ViolationKind } from '../rules';
import { effectiveRules } from '../rules';
import { deadlineDetails, explanationDeadline } from './deadlines';
import { applyTransition, openCase, SYSTEM_ACTOR } from './workflow.service';
import { type Candidate, deriveCandidates, retractionCause } from './domain/derive';
import { KIND_LABELS, retractionReasonVi, SESSION_LABELS } from './domain/labels';
import { violationLink, violationVars } from './notices';
import {
  attendanceViolationsOfDay,
  countInWindow,
  type EvidenceRow,
  insertEvidence,
  insertViolation,
  markRetracted,
  personInfo,
  refreshFacts,
  unitName,
  type ViolationRow,
} from './violations.repo';

type EvidenceInit = Pick<EvidenceRow, 'kind' | 'status'> & Partial<Pick<EvidenceRow, 'camera_id' | 'punch_id' | 'range_start' | 'range_end' | 'details' | 'note'>>;

export interface OpenInput {
  personId: string;
  unitId: string;
  kind: ViolationKind;
  source: ViolationRow['source'];
  occurredOn: string;
  session: string | null;
  minutes: number | null;
  title: string;
  facts: Record<string, unknown>;
  sourceKey: string | null;
  attendanceRevision: number | null;
  evidence: EvidenceInit[];
}

/** Seconds of video kept on each side of the gate time in an evidence clip. */
const CLIP_MARGIN_MS = 15_000;

/**
 * Opens a violation and judges it with the rules in force on its date: counts the repeats in the window, picks the
 * escalation step, stores both on the row (so a later rules change never re-judges it), opens the case, notifies the
 * person (and the unit head when the step says so) and requests the explanation.
 */
export async function openViolation(tx: Db, input: OpenInput, actor: AuditActor, at: Date): Promise<ViolationRow> {
  const person = await personInfo(tx, input.personId);
  if (!person) throw errors.notFound('Person', 'cán bộ');
  const rules = await effectiveRules(tx, input.unitId, input.occurredOn);
  const cfg = rules.config;
  const window = windowFor(cfg.repeatWindow, input.occurredOn);
  const upTo = window.to < input.occurredOn ? window.to : input.occurredOn;
  const ordinal = (await countInWindow(tx, input.personId, repeatKinds(cfg, input.kind), window.from, upTo)) + 1;
  const step = stepFor(cfg, ordinal);
  const v = await insertViolation(
    tx,
    {
      id: randomUUID(),
      person_id: input.personId,
      unit_id: input.unitId,
      kind: input.kind,
      source: input.source,
      occurred_on: input.occurredOn,
      session: input.session,
      minutes: input.minutes,
      title: input.title,
      facts: input.facts,
      source_key: input.sourceKey,
      attendance_revision: input.attendanceRevision,
      rule_set_id: rules.ruleSetId,
      rule_version: rules.version,
      repeat_ordinal: ordinal,
      repeat_window: window.label,
      proposed_action: step.action,
      notify_unit_head: step.notifyUnitHead,
      created_by: actor.id ?? null,
    },
    at,
  );
  for (const e of input.evidence) await insertEvidence(tx, { id: randomUUID(), violation_id: v.id, ...e }, at);
  await openCase(tx, v, actor, at);
  await recordAudit(
    tx,
    {
      actor,
      action: 'violations.open',
      entityType: 'violation',
      entityId: v.id,
      unitId: v.unit_id,
      details: { personId: v.person_id, kind: v.kind, date: v.occurred_on, source: v.source, ordinal, action: step.action, ruleVersion: rules.version },
    },
    at,
  );

  const due = step.requestExplanation
    ? await explanationDeadline(tx, v.unit_id, at, { days: cfg.explanationDays, kind: cfg.explanationDaysKind })
    : null;
  const recipient = await personRecipient(tx, v.person_id);
  const vars = violationVars(v, person.full_name, due?.label ?? null);
  if (recipient)
    await notify(tx, { template: 'violation_opened', rendered: templates.violation_opened(vars), recipients: [recipient], entityType: 'violation', entityId: v.id, dedupKey: `opened:${v.id}` }, at);
  if (step.notifyUnitHead) {
    const today = localDateOf(at);
    const heads = await unitHeads(tx, v.unit_id, today);
    await notify(
      tx,
      {
        template: 'unit_head_report',
        rendered: templates.unit_head_report({ ...vars, unitName: await unitName(tx, v.unit_id) }),
        recipients: heads.length ? heads : await deciders(tx, v.unit_id, today),
        entityType: 'violation',
        entityId: v.id,
        dedupKey: `report:${v.id}`,
      },
      at,
    );
  }
  await applyTransition(tx, v, 'notify', SYSTEM_ACTOR, at, { details: { toPerson: !!recipient, toUnitHead: step.notifyUnitHead } });
  if (due) await applyTransition(tx, v, 'request_explanation', SYSTEM_ACTOR, at, { patch: { explanation_due_at: due.dueAt }, details: deadlineDetails(due) });
  return v;
}

function evidenceFor(c: Candidate): EvidenceInit[] {
  if (c.evidenceAt) {
    const t = new Date(c.evidenceAt);
    return [
      { kind: 'SNAPSHOT', status: 'REQUESTED', punch_id: c.punchId, range_start: t, range_end: t, details: { at: c.evidenceAt } },
      {
        kind: 'CLIP',
        status: 'REQUESTED',
        punch_id: c.punchId,
        range_start: new Date(t.getTime() - CLIP_MARGIN_MS),
        range_end: new Date(t.getTime() + CLIP_MARGIN_MS),
        details: { at: c.evidenceAt },
      },
    ];
  }
  // An absence has no punch: the evidence is the gate's coverage that day (were the cameras online, any punch seen?).
  return [
    {
      kind: 'GATE_COVERAGE',
      status: 'REQUESTED',
      range_start: c.span.start ? new Date(c.span.start) : null,
      range_end: c.span.end ? new Date(c.span.end) : null,
      details: { punchesSeenByAttendance: 0 },
    },
  ];
}

function titleFor(c: Candidate, date: string): string {
  const session = c.session ? ` (${SESSION_LABELS[c.session] ?? c.session})` : '';
  const minutes = c.minutes ? `, ${c.minutes} phút` : '';
  return `${KIND_LABELS[c.kind].vi} ngày ${formatDateVi(date)}${session}${minutes}`;
}

/** Retracts a violation, keeping it with the cause and the attendance revision that removed it. */
export async function retractViolation(tx: Db, v: ViolationRow, reason: string, details: Record<string, unknown>, revision: number | null, actor: AuditActor, at: Date): Promise<void> {
  await markRetracted(tx, v.id, reason, details, revision, at);
  await applyTransition(tx, v, 'retract', actor, at, { reason, details });
  const recipient = await personRecipient(tx, v.person_id);
  if (recipient)
    await notify(
      tx,
      {
        template: 'violation_retracted',
        rendered: templates.violation_retracted({
          personName: recipient.name,
          kindLabel: KIND_LABELS[v.kind].vi,
          dateLabel: formatDateVi(v.occurred_on),
          reason: `${retractionReasonVi(reason)}.`,
          link: violationLink(v.id),
        }),
        recipients: [recipient],
        entityType: 'violation',
        entityId: v.id,
        dedupKey: `retracted:${v.id}`,
      },
      at,
    );
}

/** Session statuses a rule can turn into a violation (see deriveCandidates). */
const COUNTABLE: ReadonlySet<string> = new Set(['LATE', 'EARLY_LEAVE', 'LATE_AND_EARLY_LEAVE', 'ABSENT_NO_REASON', 'LEAVE_NOT_REPORTED']);

export interface DayOutcome {
  opened: string[];
  refreshed: string[];
  retracted: string[];
  stale: boolean;
}

/**
 * Bus handler for attendance.day_updated.v1. Idempotent: the same revision again changes nothing; an older revision
 * than the one already applied is ignored; a newer one opens, refreshes or retracts the day's violations.
 */
export async function applyAttendanceDay(db: Db, raw: unknown, now: Date): Promise<DayOutcome> {
  const day: AttendanceDayUpdated = attendanceDayUpdatedSchema.parse(raw);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`violations:${day.personId}:${day.date}`]);
    const existing = await attendanceViolationsOfDay(tx, day.personId, day.date);
    const applied = Math.max(0, ...existing.map((v) => v.attendance_revision ?? 0));
    const outcome: DayOutcome = { opened: [], refreshed: [], retracted: [], stale: false };
    if (day.revision < applied) return { ...outcome, stale: true };
    const active = existing.filter((v) => !v.retracted_at);
    // Most days are punctual (or weekends): nothing to open and nothing to retract, so the rules need not be loaded.
    if (active.length === 0 && !day.sessions.some((s) => COUNTABLE.has(s.status))) return outcome;
    const rules = await effectiveRules(tx, day.unitId, day.date);
    const candidates = deriveCandidates(day, rules.config);
    for (const c of candidates) {
      const match = active.find((v) => v.source_key === c.key);
      if (match) {
        if ((match.attendance_revision ?? 0) !== day.revision) {
          await refreshFacts(tx, match.id, { ...c.facts, revision: day.revision }, c.minutes, day.revision, now);
          outcome.refreshed.push(match.id);
        }
        continue;
      }
      const v = await openViolation(
        tx,
        {
          personId: day.personId,
          unitId: day.unitId,
          kind: c.kind,
          source: 'ATTENDANCE',
          occurredOn: day.date,
          session: c.session,
          minutes: c.minutes,
          title: titleFor(c, day.date),
          facts: { ...c.facts, revision: day.revision },
          sourceKey: c.key,
          attendanceRevision: day.revision,
          evidence: evidenceFor(c),
        },
        SYSTEM_ACTOR,
        now,
      );
      outcome.opened.push(v.id);
    }
    const keys = new Set(candidates.map((c) => c.key));
    for (const v of active) {
      if (v.source_key && keys.has(v.source_key)) continue;
      const cause = retractionCause(day, v.session);
      await retractViolation(tx, v, cause.reason, { ...cause, revision: day.revision, computedAt: day.computedAt }, day.revision, SYSTEM_ACTOR, now);
      outcome.retracted.push(v.id);
    }
    return outcome;
  });
}

export interface ManualInput {
  personId: string;
  kind: ViolationKind;
  source: 'INSPECTION' | 'LEADER';
  occurredOn: string;
  title: string;
  description: string;
  minutes?: number | null;
  /** Optional camera footage around the observed moment (requested from the recording module). */
  evidence?: { cameraId: string; from: string; to: string } | null;
  inspectionRef?: string | null;
}

/** A violation recorded by hand, from an inspection's minutes or a leader's observation. */
export async function openManualViolation(db: Db, input: ManualInput, actor: AuditActor, now: Date, assertUnit: (unitId: string) => void): Promise<ViolationRow> {
  if (input.occurredOn > localDateOf(now))
    throw errors.badRequest('DATE_IN_FUTURE', 'Ngày vi phạm không được ở tương lai.', 'The violation date cannot be in the future.');
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ unit_id: string }>(
      `SELECT unit_id FROM person_unit_history WHERE person_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)
        ORDER BY valid_from DESC LIMIT 1`,
      [input.personId, input.occurredOn],
    );
    const person = await personInfo(tx, input.personId);
    if (!person) throw errors.notFound('Person', 'cán bộ');
    const unitId = rows[0]?.unit_id ?? person.unit_id;
    assertUnit(unitId);
    const evidence: EvidenceInit[] = input.evidence
      ? [{ kind: 'CLIP', status: 'REQUESTED', camera_id: input.evidence.cameraId, range_start: new Date(input.evidence.from), range_end: new Date(input.evidence.to), details: {} }]
      : [];
    return openViolation(
      tx,
      {
        personId: input.personId,
        unitId,
        kind: input.kind,
        source: input.source,
        occurredOn: input.occurredOn,
        session: null,
        minutes: input.minutes ?? null,
        title: input.title,
        facts: { note: input.description, inspectionRef: input.inspectionRef ?? null },
        sourceKey: null,
        attendanceRevision: null,
        evidence,
      },
      actor,
      now,
    );
  });
}
