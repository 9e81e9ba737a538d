import type { Db } from '../../platform/ports/db';
import { formatDateVi, formatTimeVi } from '../../platform/time';
import { competentDeciders, competentLevel } from '../competence';
import { holdersOf, personRecipient, type Recipient } from '../notifications';
import { ACTION_LABELS, SYSTEM_DEFAULT_RULES_VI } from '../rules';
import type { ReportAudience, ViolationVars } from './notice-templates';
import type { Regulation } from './domain/derive';
import { KIND_LABELS, SESSION_LABELS } from './domain/labels';
import { countedViolations, type RuleBasis, type ViolationRow } from './violations.repo';

/** The leaders who may decide on violations of `unitId` (violations.decide over it), the usual readers of notices. */
export function deciders(db: Db, unitId: string, today: string): Promise<Recipient[]> {
  return holdersOf(db, 'violations.decide', unitId, today);
}

/**
 * Who reads a report or an overdue notice about a person's violation (audit D6, CONTRACT C2): the leaders competent
 * for that person's violations — never the person, never a subordinate of theirs. When the competent level is not
 * in this installation (e.g. the Chủ tịch UBND xã's violations belong to the provincial level) nobody here may
 * decide: the holders of violations.decide over the unit are told, with a line saying whose matter it is.
 */
export async function reportAudience(db: Db, v: Pick<ViolationRow, 'person_id' | 'unit_id'>, today: string): Promise<ReportAudience & { recipients: Recipient[] }> {
  const q = { matter: 'VIOLATION_HANDLING' as const, subjectPersonId: v.person_id, date: today };
  const competent = await competentDeciders(db, q);
  if (competent.length > 0) return { recipients: competent.map((d) => ({ userId: d.userId, name: d.name, email: d.email })), competenceNote: null };
  const subject = await personRecipient(db, v.person_id);
  const fallback = (await deciders(db, v.unit_id, today)).filter((r) => !subject?.userId || r.userId !== subject.userId);
  const level = await competentLevel(db, q);
  const named = level.competentUnitName ? ` (${level.competentUnitName}${level.legalBasis ? `, căn cứ: ${level.legalBasis}` : ''})` : '';
  return {
    recipients: fallback,
    competenceNote: `Việc xem xét, xử lý vi phạm của người này thuộc thẩm quyền của cấp có thẩm quyền${named}, không thuộc thẩm quyền của đơn vị; thông báo này để đồng chí biết và chuyển hồ sơ.`,
  };
}

/** "Đi muộn ngày 02/03/2026 (buổi sáng), 17 phút". */
export function titleFor(c: { kind: ViolationRow['kind']; session: string | null; minutes: number | null }, date: string): string {
  const session = c.session ? ` (${SESSION_LABELS[c.session] ?? c.session})` : '';
  const minutes = c.minutes ? `, ${c.minutes} phút` : '';
  return `${KIND_LABELS[c.kind].vi} ngày ${formatDateVi(date)}${session}${minutes}`;
}

export function violationLink(id: string): string {
  return `/violations/${id}`;
}

/** One sentence with the facts, e.g. "Giờ vào: 07:42 (buổi sáng, muộn 12 phút)." */
export function factSentence(v: Pick<ViolationRow, 'kind' | 'facts' | 'session' | 'minutes' | 'title'>): string {
  const f = v.facts as { checkIn?: string | null; checkOut?: string | null; note?: string };
  const session = v.session ? SESSION_LABELS[v.session] ?? v.session : 'cả ngày';
  if (v.kind === 'LATE' && f.checkIn) return `Giờ vào: ${formatTimeVi(new Date(f.checkIn))} (${session}, muộn ${v.minutes ?? 0} phút).`;
  if (v.kind === 'EARLY_LEAVE' && f.checkOut) return `Giờ ra: ${formatTimeVi(new Date(f.checkOut))} (${session}, sớm ${v.minutes ?? 0} phút).`;
  if (v.kind === 'ABSENT_NO_REASON' || v.kind === 'LEAVE_NOT_REPORTED' || v.kind === 'AWAITING_JUSTIFICATION') return `Không ghi nhận có mặt (${session}).`;
  return f.note ? String(f.note) : v.title;
}

/** "theo Quy chế làm việc … (căn cứ …)", or plainly the system default when the unit has adopted none (D7). */
export function rulesBasisPhrase(b: RuleBasis | null): string {
  if (!b || b.source === 'SYSTEM_DEFAULT') return SYSTEM_DEFAULT_RULES_VI;
  return `theo ${b.name}${b.legalBasis ? ` (căn cứ: ${b.legalBasis})` : ''}`;
}

/** Which regulation's attendance thresholds (grace minutes, reporting days) measured the fact, from the day event. */
export function thresholdNote(facts: Record<string, unknown>): string | null {
  const r = facts.regulation as Regulation | null | undefined;
  if (!r) return null;
  if (r.source === 'SYSTEM_DEFAULT')
    return 'Giờ làm việc, thời gian cho phép đi muộn, về sớm và thời hạn báo nghỉ được áp dụng theo mặc định của hệ thống (đơn vị chưa ban hành quy chế).';
  const basis = r.legalBasis ? ` (căn cứ: ${r.legalBasis})` : '';
  return r.source === 'NATIONAL'
    ? `Giờ làm việc và các ngưỡng chấm công áp dụng theo quy định chung${basis}.`
    : `Giờ làm việc và các ngưỡng chấm công áp dụng theo quy chế làm việc của đơn vị${basis}.`;
}

/** "02/03/2026, 05/03/2026": the dates of the violations an ordinal was counted from. */
export async function countedLabel(db: Db, v: Pick<ViolationRow, 'repeat_of'>): Promise<string> {
  return (await countedViolations(db, v.repeat_of ?? [])).map((c) => formatDateVi(c.occurred_on)).join(', ');
}

/** `dueLabel`: the explanation deadline as people read it, e.g. "24/02/2026 (3 ngày làm việc)"; null when none is requested. */
export async function violationVars(db: Db, v: ViolationRow, personName: string, dueLabel: string | null): Promise<ViolationVars> {
  return {
    personName,
    kindLabel: KIND_LABELS[v.kind].vi,
    dateLabel: formatDateVi(v.occurred_on),
    detail: factSentence(v),
    ordinal: v.repeat_ordinal,
    windowLabel: v.repeat_window ?? '',
    actionLabel: ACTION_LABELS[v.proposed_action].vi,
    rulesBasis: rulesBasisPhrase(v.rule_basis),
    countedLabel: await countedLabel(db, v),
    thresholdNote: v.source === 'ATTENDANCE' ? thresholdNote(v.facts) : null,
    dueLabel,
    link: violationLink(v.id),
  };
}
