import { randomUUID } from 'node:crypto';
import { errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { type AttendanceDayUpdated, approvedCorrectionsOfDay, attendanceDayUpdatedSchema, requestTypeOf } from '../attendance';
import { type AuditActor, recordAudit } from '../audit';
import { formatDateVi, localDateOf } from '../../platform/time';
import { violationTemplates as templates } from './notice-templates';
import { notify, personRecipient } from '../notifications';
import type { ViolationKind } from '../rules';
import { effectiveRules } from '../rules';
import { applyTransition, openCase, SYSTEM_ACTOR } from './workflow.service';
import { type Candidate, type DayOff, deriveCandidates, factOfKey, type RetractionCause, retractionCause, scopesOverlap } from './domain/derive';
import { KIND_LABELS, retractionReasonVi } from './domain/labels';
import { titleFor, violationLink } from './notices';
import { announce, judge, notJudged } from './judge.service';
import { changeKind } from './kind-change.service';
import {
  attendanceViolationsOfDay,
  type EvidenceRow,
  insertEvidence,
  insertViolation,
  markRetracted,
  personInfo,
  refreshFacts,
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
 * Opens a violation. A violation is judged with the rules in force on its date (ordinal from the upheld
 * violations of the window, escalation step, both stored so a later rules change never re-judges it), its case is
 * opened, the person is notified (and the competent leaders when the step says so) and the explanation requested.
 * A fact that only awaits justification (a pending request covers it, CONTRACT C5) is opened without any of that:
 * no judgement, no notice, no explanation request — it is judged if and when it becomes a violation.
 */
export async function openViolation(tx: Db, input: OpenInput, actor: AuditActor, at: Date): Promise<ViolationRow> {
  const person = await personInfo(tx, input.personId);
  if (!person) throw errors.notFound('Person', 'cán bộ');
  const id = randomUUID();
  const awaiting = input.kind === 'AWAITING_JUSTIFICATION';
  const judged = awaiting ? null : await judge(tx, { id, person_id: input.personId, unit_id: input.unitId, kind: input.kind, occurred_on: input.occurredOn });
  const firstAction = judged ? judged.step.action : ((await effectiveRules(tx, input.unitId, input.occurredOn)).config.steps[0]?.action ?? 'REMINDER');
  const v = await insertViolation(
    tx,
    {
      id,
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
      ...(judged ? judged.judgement : notJudged(firstAction)),
      judged_at: judged ? at : null,
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
      details: {
        personId: v.person_id,
        kind: v.kind,
        date: v.occurred_on,
        source: v.source,
        ordinal: v.repeat_ordinal,
        countedFrom: v.repeat_of,
        action: judged ? v.proposed_action : null,
        ruleVersion: v.rule_version,
      },
    },
    at,
  );
  if (judged) await announce(tx, v, judged, at);
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


/** The sentence after the reason in a retraction notice: the holiday and its legal basis, or the request. */
function retractionDetail(v: ViolationRow, details: Record<string, unknown>): string | null {
  const off = details.dayOff as DayOff | null | undefined;
  if (off) {
    const basis = off.legalBasis ? ` (căn cứ: ${off.legalBasis})` : '';
    const proposed = off.status === 'PROPOSED' ? ' Lịch nghỉ này đang ở dạng dự kiến, chưa được xác nhận chính thức.' : '';
    return `Ngày ${formatDateVi(v.occurred_on)} là ngày nghỉ: ${off.name}${basis}.${proposed}`;
  }
  if (details.requestId) return `Theo đơn đã được phê duyệt (mã ${String(details.requestId).slice(0, 8)}).`;
  return null;
}

/**
 * Retracts a violation, keeping it with the cause and the attendance revision that removed it. The person is told
 * when they had been told about it (a fact that only awaited justification was never announced).
 */
export async function retractViolation(tx: Db, v: ViolationRow, reason: string, details: Record<string, unknown>, revision: number | null, actor: AuditActor, at: Date): Promise<void> {
  await markRetracted(tx, v.id, reason, details, revision, at);
  await applyTransition(tx, v, 'retract', actor, at, { reason, details });
  const recipient = await personRecipient(tx, v.person_id);
  if (recipient && v.judged_at)
    await notify(
      tx,
      {
        template: 'violation_retracted',
        rendered: templates.violation_retracted({
          personName: recipient.name,
          kindLabel: KIND_LABELS[v.kind].vi,
          dateLabel: formatDateVi(v.occurred_on),
          reason: `${retractionReasonVi(reason)}.`,
          detail: retractionDetail(v, details),
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

/** Session statuses that can imply a violation or a fact awaiting justification (see deriveCandidates). */
const COUNTABLE: ReadonlySet<string> = new Set(['LATE', 'EARLY_LEAVE', 'LATE_AND_EARLY_LEAVE', 'ABSENT_NO_REASON', 'LEAVE_NOT_REPORTED', 'AWAITING_JUSTIFICATION']);

export interface DayOutcome {
  opened: string[];
  refreshed: string[];
  /** Same fact, new kind or scope, changed in place (CONTRACT C5). */
  changed: string[];
  retracted: string[];
  stale: boolean;
}

/**
 * The active violation of the day that is the same fact as `c`: the same key, or — for an absence whose scope
 * changed (a session absence grown to the whole day, or a whole day shrunk to a session after a half-day leave) —
 * an absence of an overlapping scope. Exact keys are matched first, for every candidate.
 */
function matchFacts(candidates: Candidate[], active: ViolationRow[]): Map<Candidate, ViolationRow> {
  const out = new Map<Candidate, ViolationRow>();
  const used = new Set<string>();
  for (const c of candidates) {
    const v = active.find((a) => a.source_key === c.key);
    if (v) {
      out.set(c, v);
      used.add(v.id);
    }
  }
  for (const c of candidates) {
    if (out.has(c) || c.fact !== 'ABSENCE') continue;
    const v = active.find((a) => {
      const f = factOfKey(a.source_key);
      return !used.has(a.id) && f?.fact === 'ABSENCE' && scopesOverlap(f.scope, c.scope);
    });
    if (v) {
      out.set(c, v);
      used.add(v.id);
    }
  }
  return out;
}

/**
 * The trace of a retraction names the request that explains it (issue 13: "a request filed after the fact retracts
 * what it explains, with a trace"): the leave or trip's type, or the approved punch corrections of the day.
 */
async function traced(tx: Db, day: AttendanceDayUpdated, cause: RetractionCause): Promise<RetractionCause & { corrections?: unknown[] }> {
  if (cause.reason === 'JUSTIFIED' && cause.requestId) return { ...cause, requestType: await requestTypeOf(tx, cause.requestId) };
  if (cause.reason !== 'ATTENDANCE_CORRECTED') return cause;
  const corrections = await approvedCorrectionsOfDay(tx, day.personId, day.date);
  if (corrections.length === 0) return cause;
  return { ...cause, requestId: corrections[0]?.requestId ?? null, requestType: 'PUNCH_CORRECTION', corrections };
}

/**
 * Bus handler for attendance.day_updated.v1. Idempotent: the same revision again changes nothing; an older revision
 * than the one already applied is ignored; a newer one opens, refreshes, changes the kind of (in place) or retracts
 * the day's violations. One fact keeps one violation for its whole life (CONTRACT C5).
 */
export async function applyAttendanceDay(db: Db, raw: unknown, now: Date): Promise<DayOutcome> {
  const day: AttendanceDayUpdated = attendanceDayUpdatedSchema.parse(raw);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`violations:${day.personId}:${day.date}`]);
    const existing = await attendanceViolationsOfDay(tx, day.personId, day.date);
    const applied = Math.max(0, ...existing.map((v) => v.attendance_revision ?? 0));
    const outcome: DayOutcome = { opened: [], refreshed: [], changed: [], retracted: [], stale: false };
    if (day.revision < applied) return { ...outcome, stale: true };
    const active = existing.filter((v) => !v.retracted_at);
    // Most days are punctual (or weekends): nothing to open and nothing to retract, so the rules need not be loaded.
    if (active.length === 0 && !day.sessions.some((s) => COUNTABLE.has(s.status))) return outcome;
    const rules = await effectiveRules(tx, day.unitId, day.date);
    const candidates = deriveCandidates(day, rules.config);
    const matches = matchFacts(candidates, active);
    for (const c of candidates) {
      const match = matches.get(c);
      if (match) {
        if (match.kind !== c.kind || match.source_key !== c.key) {
          await changeKind(tx, match, c, day, now);
          outcome.changed.push(match.id);
        } else if ((match.attendance_revision ?? 0) !== day.revision) {
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
    const kept = new Set([...matches.values()].map((v) => v.id));
    for (const v of active) {
      if (kept.has(v.id)) continue;
      const cause = await traced(tx, day, retractionCause(day, v.source_key, v.session));
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
