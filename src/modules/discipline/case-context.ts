/**
 * A case with everything its rules need: the person, the violations, the regime on a date, the suspensions and the
 * time limits (limitation per violation, processing period with the suspended days left out), and the one helper
 * every step goes through (state check, dated step row, audit entry).
 */
import type { Db } from '../../platform/ports/db';
import { errors } from '../../platform/errors';
import { daysBetween, formatDateVi } from '../../platform/time';
import { type AuditActor, recordAudit } from '../audit';
import { getPerson } from '../people';
import { type Regime, regimeFor } from '../violations';
import { type CaseRow, type CaseViolationRow, caseViolations, getCase, insertStep, setState } from './cases.repo';
import { limitationOf, type Limitation, processingDue, type Processing } from './domain/periods';
import { type DisciplineAction, type DisciplineState, nextState } from './domain/states';
import { type SuspensionView, suspensionsFor } from './suspensions';

export type PersonRecord = NonNullable<Awaited<ReturnType<typeof getPerson>>>;

export interface Warning {
  kind: 'PROCESSING_DUE_SOON' | 'PROCESSING_OVERDUE' | 'LIMITATION_SOON' | 'LIMITATION_PASSED';
  dueOn: string;
  daysLeft: number;
  vi: string;
  en: string;
}

export interface Deadlines {
  limitation: Array<{ violationId: string; occurredOn: string } & Limitation>;
  processing: (Processing & { extended: boolean; paused: boolean }) | null;
  warnings: Warning[];
}

export interface CaseContext {
  c: CaseRow;
  person: PersonRecord;
  violations: CaseViolationRow[];
  suspensions: SuspensionView[];
}

/** Warn this many days ahead. */
export const PROCESSING_WARN_DAYS = 15;
export const LIMITATION_WARN_DAYS = 30;

export async function loadCaseContext(db: Db, caseId: string, lock = false): Promise<CaseContext> {
  const c = await getCase(db, caseId, lock);
  if (!c) throw errors.notFound('Discipline case', 'hồ sơ xử lý kỷ luật');
  const person = await getPerson(db, c.person_id);
  if (!person) throw errors.notFound('Person', 'cán bộ');
  return { c, person, violations: await caseViolations(db, c.id), suspensions: await suspensionsFor(db, c.id, c.person_id, c.detected_on) };
}

export function regimeOn(ctx: CaseContext, date: string): Regime {
  return regimeFor(ctx.c.category, date);
}

export function deadlinesOf(ctx: CaseContext, today: string): Deadlines {
  const regime = regimeOn(ctx, today);
  const limitation = ctx.violations.map((v) => ({ violationId: v.violation_id, occurredOn: v.occurred_on, ...limitationOf(regime, v.occurred_on) }));
  const days = regime.processingDays ? (ctx.c.extended ? regime.processingDays.extended : regime.processingDays.normal) : null;
  const p = days === null ? null : processingDue(ctx.c.detected_on, days, ctx.suspensions);
  const processing = p ? { ...p, extended: ctx.c.extended, paused: p.dueOn === null } : null;
  const warnings: Warning[] = [];
  const open = ctx.c.state !== 'DECIDED' && ctx.c.state !== 'DELIVERED' && ctx.c.state !== 'DROPPED';
  if (open && processing?.dueOn) {
    const left = daysBetween(today, processing.dueOn);
    if (left < 0)
      warnings.push({ kind: 'PROCESSING_OVERDUE', dueOn: processing.dueOn, daysLeft: left, vi: `Đã quá thời hạn xử lý kỷ luật (${processing.days} ngày)`, en: `The processing period (${processing.days} days) has passed` });
    else if (left <= PROCESSING_WARN_DAYS)
      warnings.push({ kind: 'PROCESSING_DUE_SOON', dueOn: processing.dueOn, daysLeft: left, vi: `Còn ${left} ngày đến hết thời hạn xử lý kỷ luật`, en: `${left} days left in the processing period` });
  }
  const earliest = limitation.map((l) => l.reprimandUntil).sort()[0];
  if (open && earliest) {
    const left = daysBetween(today, earliest);
    if (left < 0)
      warnings.push({ kind: 'LIMITATION_PASSED', dueOn: earliest, daysLeft: left, vi: 'Đã hết thời hiệu xử lý kỷ luật ở mức khiển trách đối với ít nhất một vi phạm', en: 'The reprimand-level limitation has run out for at least one violation' });
    else if (left <= LIMITATION_WARN_DAYS)
      warnings.push({ kind: 'LIMITATION_SOON', dueOn: earliest, daysLeft: left, vi: `Còn ${left} ngày đến hết thời hiệu xử lý kỷ luật`, en: `${left} days left before the limitation runs out` });
  }
  return { limitation, processing, warnings };
}

/**
 * One step of the procedure: refused (409 DISCIPLINE_STEP_NOT_ALLOWED) when the state does not allow it; otherwise the
 * dated step row, the new state and the audit entry, in the caller's transaction.
 */
export async function takeStep(
  tx: Db,
  c: CaseRow,
  action: DisciplineAction,
  onDate: string,
  actor: AuditActor,
  at: Date,
  details: Record<string, unknown> = {},
): Promise<DisciplineState> {
  const to = nextState(c.state, action, c.council_required);
  if (!to)
    throw errors.conflict(
      'DISCIPLINE_STEP_NOT_ALLOWED',
      'Bước này không thực hiện được ở giai đoạn hiện tại của hồ sơ kỷ luật.',
      `Step ${action} is not allowed in state ${c.state}.`,
      { state: c.state, action, councilRequired: c.council_required },
    );
  await insertStep(tx, { case_id: c.id, action, from_state: c.state, to_state: to, on_date: onDate, actor_id: actor.id ?? null, actor_name: actor.name, details, at });
  await setState(tx, c.id, to, at, to === 'DECIDED' || to === 'DROPPED');
  await recordAudit(tx, { actor, action: `discipline.${action}`, entityType: 'discipline_case', entityId: c.id, unitId: c.unit_id, details: { from: c.state, to, onDate, ...details } }, at);
  return to;
}

/** A note in the history that does not move the state (extension, suspension, upload). */
export async function noteStep(tx: Db, c: CaseRow, action: string, onDate: string, actor: AuditActor, at: Date, details: Record<string, unknown>): Promise<void> {
  await insertStep(tx, { case_id: c.id, action, from_state: c.state, to_state: c.state, on_date: onDate, actor_id: actor.id ?? null, actor_name: actor.name, details, at });
  await recordAudit(tx, { actor, action: `discipline.${action}`, entityType: 'discipline_case', entityId: c.id, unitId: c.unit_id, details: { onDate, ...details } }, at);
}

/** Dates a step may not precede (a date before the case was opened is a typo). */
export function assertNotBefore(date: string, floor: string, what: { vi: string; en: string; floorVi: string; floorEn: string }): void {
  if (date < floor)
    throw errors.badRequest(
      'DISCIPLINE_DATES_OUT_OF_ORDER',
      `${what.vi} (${formatDateVi(date)}) không được trước ${what.floorVi} (${formatDateVi(floor)}).`,
      `${what.en} (${date}) cannot be before ${what.floorEn} (${floor}).`,
      { date, floor },
    );
}
