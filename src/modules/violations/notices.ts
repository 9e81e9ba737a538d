import type { Db } from '../../platform/ports/db';
import { formatDateVi, formatTimeVi } from '../../platform/time';
import { holdersOf, type Recipient } from '../notifications';
import { ACTION_LABELS } from '../rules';
import type { ViolationVars } from './notice-templates';
import { KIND_LABELS, SESSION_LABELS } from './domain/labels';
import type { ViolationRow } from './violations.repo';

/** The leaders who may decide on violations of `unitId` (violations.decide over it), the usual readers of notices. */
export function deciders(db: Db, unitId: string, today: string): Promise<Recipient[]> {
  return holdersOf(db, 'violations.decide', unitId, today);
}

export function violationLink(id: string): string {
  return `/violations/${id}`;
}

/** One sentence with the facts, e.g. "Giờ vào: 07:42 (buổi sáng, muộn 12 phút)." */
export function factSentence(v: ViolationRow): string {
  const f = v.facts as { checkIn?: string | null; checkOut?: string | null; note?: string };
  const session = v.session ? SESSION_LABELS[v.session] ?? v.session : 'cả ngày';
  if (v.kind === 'LATE' && f.checkIn) return `Giờ vào: ${formatTimeVi(new Date(f.checkIn))} (${session}, muộn ${v.minutes ?? 0} phút).`;
  if (v.kind === 'EARLY_LEAVE' && f.checkOut) return `Giờ ra: ${formatTimeVi(new Date(f.checkOut))} (${session}, sớm ${v.minutes ?? 0} phút).`;
  if (v.kind === 'ABSENT_NO_REASON' || v.kind === 'LEAVE_NOT_REPORTED') return `Không ghi nhận có mặt (${session}).`;
  return f.note ? String(f.note) : v.title;
}

/** `dueLabel`: the explanation deadline as people read it, e.g. "24/02/2026 (3 ngày làm việc)"; null when none is requested. */
export function violationVars(v: ViolationRow, personName: string, dueLabel: string | null): ViolationVars {
  return {
    personName,
    kindLabel: KIND_LABELS[v.kind].vi,
    dateLabel: formatDateVi(v.occurred_on),
    detail: factSentence(v),
    ordinal: v.repeat_ordinal,
    windowLabel: v.repeat_window ?? '',
    actionLabel: ACTION_LABELS[v.proposed_action].vi,
    dueLabel,
    link: violationLink(v.id),
  };
}
