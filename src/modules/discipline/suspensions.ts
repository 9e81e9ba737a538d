/**
 * "Chưa xem xét xử lý kỷ luật" (NĐ 172/2025; domain.md §4.5 R4.7): the periods during which no step may be taken
 * and the processing clock stops. Approved maternity and sick leave in the attendance data count by themselves;
 * illness, detention (and a child under 12 months after maternity leave) are entered by hand with a document.
 */
import type { Db } from '../../platform/ports/db';
import { errors } from '../../platform/errors';
import { formatDateVi } from '../../platform/time';
import { approvedLeavePeriods } from '../attendance';
import type { Interval } from './domain/periods';
import { covers } from './domain/periods';
import { type SuspensionRow, suspensionsOf } from './records.repo';

export interface SuspensionView extends Interval {
  id: string;
  source: 'LEAVE' | 'MANUAL';
  kind: 'ILLNESS' | 'MATERNITY' | 'DETENTION' | 'SICK_LEAVE';
  documentRef: string | null;
  note: string | null;
  reason: { vi: string; en: string };
  legalBasis: string;
  /** Set when the rule behind the period is not verified against a source. */
  caveat: string | null;
}

const BASIS = 'Nghị định 172/2025/NĐ-CP (các trường hợp chưa xem xét xử lý kỷ luật)';
const REASONS: Record<SuspensionView['kind'], { vi: string; en: string }> = {
  MATERNITY: { vi: 'Đang mang thai, nghỉ thai sản hoặc nuôi con dưới 12 tháng tuổi', en: 'Pregnant, on maternity leave or raising a child under 12 months' },
  SICK_LEAVE: { vi: 'Đang nghỉ ốm (đơn nghỉ đã được duyệt)', en: 'On approved sick leave' },
  ILLNESS: { vi: 'Đang điều trị bệnh hiểm nghèo, ốm nặng điều trị nội trú (có xác nhận của cơ sở y tế)', en: 'Treated for a serious illness or inpatient (medical confirmation)' },
  DETENTION: { vi: 'Đang bị khởi tố, tạm giữ, tạm giam chờ kết luận của cơ quan có thẩm quyền', en: 'Prosecuted or held pending the conclusion of the competent authority' },
};

function manual(r: SuspensionRow): SuspensionView {
  return { id: r.id, source: 'MANUAL', kind: r.kind, from: r.from_date, to: r.to_date, documentRef: r.document_ref, note: r.note, reason: REASONS[r.kind], legalBasis: BASIS, caveat: null };
}

/** Every suspension period of a case that ends on or after `from` (the detection date). */
export async function suspensionsFor(db: Db, caseId: string, personId: string, from: string): Promise<SuspensionView[]> {
  const leave = await approvedLeavePeriods(db, personId, ['MATERNITY', 'SICK_LEAVE'], from, null);
  const derived: SuspensionView[] = leave.map((l) => ({
    id: l.justificationId,
    source: 'LEAVE',
    kind: l.type,
    from: l.from,
    to: l.to,
    documentRef: l.documentRef,
    note: l.reason,
    reason: REASONS[l.type],
    legalBasis: BASIS,
    caveat:
      l.type === 'SICK_LEAVE'
        ? 'Nghị định chỉ nêu bệnh hiểm nghèo, ốm nặng điều trị nội trú; nghỉ ốm thông thường được tính là chưa xem xét trong thời gian nghỉ [cần xác minh]'
        : 'Thời gian nuôi con dưới 12 tháng tuổi sau khi hết nghỉ thai sản cần nhập thủ công kèm giấy khai sinh của con',
  }));
  return [...derived, ...(await suspensionsOf(db, caseId)).map(manual)].sort((a, b) => a.from.localeCompare(b.from));
}

/** Refuses a step dated `onDate` while a suspension covers it: 409 CASE_SUSPENDED with the reason and the dates. */
export function assertNotSuspended(list: readonly SuspensionView[], onDate: string): void {
  const s = covers(list, onDate);
  if (!s) return;
  const until = s.to ? `đến hết ngày ${formatDateVi(s.to)}` : 'chưa có ngày kết thúc';
  throw errors.conflict(
    'CASE_SUSPENDED',
    `Chưa xem xét xử lý kỷ luật: ${s.reason.vi} (từ ngày ${formatDateVi(s.from)}, ${until}). Thời hạn xử lý tạm dừng; không thực hiện được bước này ngày ${formatDateVi(onDate)}.`,
    `Consideration is suspended: ${s.reason.en} (from ${s.from}${s.to ? ` to ${s.to}` : ', no end date'}). The processing period is stopped; this step cannot be taken on ${onDate}.`,
    { suspension: { id: s.id, source: s.source, kind: s.kind, from: s.from, to: s.to, documentRef: s.documentRef }, onDate },
  );
}
