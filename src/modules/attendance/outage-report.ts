import { randomUUID } from 'node:crypto';
import { errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { type AuditActor, recordAudit } from '../audit';
import { addDays, dateRange, formatDateVi, localDateOf } from '../../platform/time';
import { loadGoLiveIndex } from '../org';
import { MAX_RECOMPUTE_DAYS } from './recompute-jobs';
import { enqueueDirty } from './dirty-queue';
import { loadOrgParents, subtreeOf } from './staff.repo';

/**
 * A hand-reported outage (power cut, camera replaced) and the recomputation it implies (issue 11, F4).
 *
 * - Longer than MAX_OUTAGE_DAYS (an ongoing one counts up to now): refused. That is the longest span one
 *   recomputation covers, and it exceeds what the system keeps of the facts that would show the source was down
 *   (heartbeats: the last 15; footage: the cameras' retention, 30 days by default). A real longer outage is
 *   reported in parts, each bounded and each clipped like below.
 * - Starting before the attendance go-live of the source's unit: clipped. The outage itself is stored as reported
 *   (it is a fact about the source), but only days from the go-live on are recomputed, and the answer says so.
 * - Only closed days (before today, UTC+7) are queued; the dirty-queue drainer computes them in small slices.
 */
export const MAX_OUTAGE_DAYS = MAX_RECOMPUTE_DAYS;

export interface OutageReport {
  outageId: string;
  /** Days queued for recomputation ([from, to], null when none), and how many person-days that is. */
  recompute: { from: string | null; to: string | null; personDays: number };
  /** The first day of the unit judged (go-live); set when the outage started before it and was clipped. */
  clippedToGoLive: string | null;
  message_vi: string;
  message_en: string;
}


export async function reportOutage(
  db: Db,
  actor: AuditActor & { id: string },
  input: { source: string; startedAt: Date; endedAt: Date | null; note: string },
  now: Date = new Date(),
): Promise<OutageReport> {
  if (input.endedAt && input.endedAt <= input.startedAt)
    throw errors.badRequest('OUTAGE_RANGE', 'Thời điểm kết thúc phải sau thời điểm bắt đầu.', 'The end must be after the start.');
  const end = input.endedAt ?? now;
  const spanDays = (end.getTime() - input.startedAt.getTime()) / 86_400_000;
  if (spanDays > MAX_OUTAGE_DAYS)
    throw errors.badRequest(
      'OUTAGE_TOO_LONG',
      `Không thể báo mất tín hiệu dài hơn ${MAX_OUTAGE_DAYS} ngày trong một lần (khoảng đã gửi: ${Math.ceil(spanDays)} ngày). ` +
        `Hệ thống chỉ tính lại tối đa ${MAX_OUTAGE_DAYS} ngày và không lưu dữ liệu chứng minh nguồn bị mất tín hiệu lâu hơn thế; ` +
        'các ngày trước ngày bắt đầu chấm công của đơn vị không bao giờ bị xét. Nếu thật sự mất tín hiệu lâu hơn, hãy báo thành nhiều khoảng.',
      `An outage longer than ${MAX_OUTAGE_DAYS} days cannot be reported at once (this one spans ${Math.ceil(spanDays)} days). ` +
        `Recomputation covers at most ${MAX_OUTAGE_DAYS} days and the facts showing a source was down are not kept longer; ` +
        "days before the unit's attendance go-live are never judged. If the outage really was longer, report it in several parts.",
      { maxDays: MAX_OUTAGE_DAYS, spanDays: Math.ceil(spanDays) },
    );
  return db.transaction(async (tx) => {
    const [src] = await tx.query<{ id: string; unit_id: string | null }>('SELECT id, unit_id FROM punch_sources WHERE id = $1', [input.source]);
    if (!src) throw errors.notFound('Punch source', 'nguồn chấm công');
    const id = randomUUID();
    await tx.query(
      `INSERT INTO source_outages (id, source_id, started_at, ended_at, detected_by, note) VALUES ($1, $2, $3, $4, 'MANUAL', $5)`,
      [id, input.source, input.startedAt, input.endedAt, input.note],
    );
    const today = localDateOf(now);
    const lastReported = localDateOf(end);
    const last = lastReported < today ? lastReported : addDays(today, -1);
    let first = localDateOf(input.startedAt);
    let clippedToGoLive: string | null = null;
    let personDays = 0;
    if (src.unit_id) {
      const judgedFrom = (await loadGoLiveIndex(tx)).judgedFrom(src.unit_id);
      if (first < judgedFrom) {
        clippedToGoLive = judgedFrom;
        first = judgedFrom;
      }
      const dates = first <= last ? dateRange(first, last) : [];
      if (dates.length > 0) {
        const units = subtreeOf(src.unit_id, await loadOrgParents(tx));
        const people = await tx.query<{ person_id: string }>(
          `SELECT DISTINCT person_id FROM person_unit_history
            WHERE unit_id = ANY($1::uuid[]) AND valid_from <= $3 AND (valid_to IS NULL OR valid_to > $2)`,
          [units, first, last],
        );
        await enqueueDirty(tx, people.flatMap((p) => dates.map((date) => ({ personId: p.person_id, date }))));
        personDays = people.length * dates.length;
      }
    }
    const recompute = personDays > 0 ? { from: first, to: last, personDays } : { from: null, to: null, personDays: 0 };
    await recordAudit(tx, {
      actor,
      action: 'attendance.outage_report',
      entityType: 'punch_source',
      entityId: input.source,
      unitId: src.unit_id,
      reason: input.note,
      details: { outageId: id, startedAt: input.startedAt.toISOString(), endedAt: input.endedAt?.toISOString() ?? null, recompute, clippedToGoLive },
    });
    const clipVi = clippedToGoLive ? ` Khoảng trước ngày bắt đầu chấm công của đơn vị (${formatDateVi(clippedToGoLive)}) không được xét.` : '';
    const clipEn = clippedToGoLive ? ` Days before the unit's attendance go-live (${clippedToGoLive}) are not judged.` : '';
    const what =
      recompute.from && recompute.to
        ? {
            vi: `Đã ghi nhận mất tín hiệu; ${recompute.personDays} ngày công từ ${formatDateVi(recompute.from)} đến ${formatDateVi(recompute.to)} sẽ được tính lại.`,
            en: `Outage recorded; ${recompute.personDays} person-days from ${recompute.from} to ${recompute.to} will be recomputed.`,
          }
        : { vi: 'Đã ghi nhận mất tín hiệu; không có ngày công nào cần tính lại.', en: 'Outage recorded; no attendance day needs recomputing.' };
    return { outageId: id, recompute, clippedToGoLive, message_vi: what.vi + clipVi, message_en: what.en + clipEn };
  });
}
