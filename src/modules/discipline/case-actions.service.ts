/**
 * The smaller acts on a case: delivery of the decision (the complaint period runs from it), closing without
 * discipline, extending the processing period to 150 days, entering or ending a suspension, uploading a document
 * (the person's bản tự kiểm điểm, a medical certificate…). Each is dated, audited and in the case history.
 */
import { randomUUID } from 'node:crypto';
import type { Access } from '../../platform/access';
import { errors } from '../../platform/errors';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import { formatDateVi, localDateOf } from '../../platform/time';
import { closeForDiscipline } from '../violations';
import { assertNotBefore, loadCaseContext, noteStep, regimeOn, takeStep } from './case-context';
import { setExtended } from './cases.repo';
import type { DocumentKind } from './domain/documents';
import { withFiles } from './documents.service';
import { complaintUntil } from './domain/periods';
import { isActive } from './domain/states';
import { assertMayRunProcedure } from './guards';
import { decisionOf, endSuspension, insertSuspension, setDelivered } from './records.repo';
import { assertNotSuspended } from './suspensions';

type Deps = { db: Db; blobs: BlobStore };

async function prepare(tx: Db, access: Access, caseId: string, now: Date) {
  const ctx = await loadCaseContext(tx, caseId, true);
  const today = localDateOf(now);
  await assertMayRunProcedure(tx, access, ctx.c, today);
  return { ctx, today };
}

function notFuture(date: string, today: string): void {
  if (date > today)
    throw errors.badRequest('DISCIPLINE_DATE_IN_FUTURE', `Ngày ${formatDateVi(date)} chưa đến; chỉ ghi nhận việc đã xảy ra.`, `${date} is in the future; only record what happened.`, { date, today });
}

export async function deliverDecision(db: Db, access: Access, caseId: string, deliveredOn: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const { ctx, today } = await prepare(tx, access, caseId, now);
    const d = await decisionOf(tx, ctx.c.id);
    if (!d) throw errors.conflict('DISCIPLINE_STEP_NOT_ALLOWED', 'Hồ sơ chưa có quyết định kỷ luật.', 'The case has no decision yet.');
    notFuture(deliveredOn, today);
    assertNotBefore(deliveredOn, d.signed_on, { vi: 'Ngày giao quyết định', en: 'The delivery date', floorVi: 'ngày ký', floorEn: 'the signing date' });
    await setDelivered(tx, ctx.c.id, deliveredOn);
    await takeStep(tx, ctx.c, 'deliver', deliveredOn, access.actor(), now, { complaintUntil: complaintUntil(deliveredOn) });
  });
}

export async function dropCase(db: Db, access: Access, caseId: string, reason: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const { ctx, today } = await prepare(tx, access, caseId, now);
    await takeStep(tx, ctx.c, 'drop', today, access.actor(), now, { reason });
    await closeForDiscipline(tx, ctx.violations.map((v) => v.violation_id), { caseId: ctx.c.id, reason: `Không xử lý kỷ luật: ${reason}`, decisionNo: null, formCode: null }, access.actor(), now);
  });
}

/** 90 → 150 days for a complex case that needs inspection or verification (R4.6). */
export async function extendProcessing(db: Db, access: Access, caseId: string, reason: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const { ctx, today } = await prepare(tx, access, caseId, now);
    if (!isActive(ctx.c.state) || ctx.c.extended || !regimeOn(ctx, today).processingDays)
      throw errors.conflict('DISCIPLINE_STEP_NOT_ALLOWED', 'Không thể kéo dài thời hạn xử lý của hồ sơ này.', 'The processing period of this case cannot be extended.', { state: ctx.c.state, extended: ctx.c.extended });
    await setExtended(tx, ctx.c.id, reason, now);
    await noteStep(tx, ctx.c, 'extend', today, access.actor(), now, { reason });
  });
}

export interface SuspensionInput {
  kind: 'ILLNESS' | 'MATERNITY' | 'DETENTION';
  fromDate: string;
  toDate: string | null;
  documentRef: string;
  note: string | null;
}

export async function addSuspension(db: Db, access: Access, caseId: string, input: SuspensionInput, now: Date): Promise<string> {
  return db.transaction(async (tx) => {
    const { ctx, today } = await prepare(tx, access, caseId, now);
    if (!isActive(ctx.c.state)) throw errors.conflict('DISCIPLINE_STEP_NOT_ALLOWED', 'Hồ sơ đã kết thúc.', 'The case is closed.', { state: ctx.c.state });
    notFuture(input.fromDate, today);
    if (input.toDate) assertNotBefore(input.toDate, input.fromDate, { vi: 'Ngày kết thúc', en: 'The end date', floorVi: 'ngày bắt đầu', floorEn: 'the start date' });
    const id = randomUUID();
    await insertSuspension(tx, { id, case_id: ctx.c.id, kind: input.kind, from_date: input.fromDate, to_date: input.toDate, document_ref: input.documentRef, note: input.note, created_by: access.principal.userId, created_at: now });
    await noteStep(tx, ctx.c, 'suspend', input.fromDate, access.actor(), now, { suspensionId: id, kind: input.kind, from: input.fromDate, to: input.toDate, documentRef: input.documentRef });
    return id;
  });
}

export async function liftSuspension(db: Db, access: Access, caseId: string, suspensionId: string, toDate: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const { ctx, today } = await prepare(tx, access, caseId, now);
    notFuture(toDate, today);
    const s = ctx.suspensions.find((x) => x.id === suspensionId && x.source === 'MANUAL');
    if (!s) throw errors.notFound('Suspension', 'trường hợp chưa xem xét xử lý');
    assertNotBefore(toDate, s.from, { vi: 'Ngày kết thúc', en: 'The end date', floorVi: 'ngày bắt đầu', floorEn: 'the start date' });
    if ((await endSuspension(tx, ctx.c.id, suspensionId, toDate)) === 0)
      throw errors.conflict('DISCIPLINE_STEP_NOT_ALLOWED', 'Trường hợp này đã có ngày kết thúc.', 'This suspension already has an end date.');
    await noteStep(tx, ctx.c, 'lift_suspension', toDate, access.actor(), now, { suspensionId, to: toDate });
  });
}

export const UPLOAD_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** An uploaded document; a self-review (bản tự kiểm điểm) may also be uploaded by the person concerned. */
export async function uploadDocument(
  deps: Deps,
  access: Access,
  caseId: string,
  file: { kind: Extract<DocumentKind, 'SELF_REVIEW' | 'SUSPENSION_EVIDENCE' | 'OTHER'>; fileName: string; contentType: string; data: Buffer },
  now: Date,
): Promise<string> {
  if (!UPLOAD_TYPES.has(file.contentType))
    throw errors.badRequest('FILE_TYPE_NOT_ALLOWED', `Loại tệp không được chấp nhận: ${file.fileName}.`, `File type not accepted: ${file.fileName}.`, { contentType: file.contentType });
  if (file.data.length === 0 || file.data.length > MAX_UPLOAD_BYTES)
    throw errors.badRequest('FILE_SIZE', `Tệp ${file.fileName} rỗng hoặc lớn hơn 10 MB.`, `File ${file.fileName} is empty or larger than 10 MB.`);
  const today = localDateOf(now);
  return withFiles(deps, async (tx, files) => {
    const ctx = await loadCaseContext(tx, caseId, true);
    const own = access.isSelf(ctx.c.person_id);
    if (own ? file.kind !== 'SELF_REVIEW' : false) throw errors.forbidden({ reason: 'the person concerned uploads only the self-review' });
    if (!own) await assertMayRunProcedure(tx, access, ctx.c, today);
    if (!isActive(ctx.c.state)) throw errors.conflict('DISCIPLINE_STEP_NOT_ALLOWED', 'Hồ sơ đã kết thúc.', 'The case is closed.', { state: ctx.c.state });
    if (file.kind === 'SELF_REVIEW') assertNotSuspended(ctx.suspensions, today);
    const stored = await files.store(tx, ctx.c, { ...file, generated: false }, access.actor(), now);
    await noteStep(tx, ctx.c, 'upload', today, access.actor(), now, { documentId: stored.id, kind: file.kind, fileName: file.fileName, sha256: stored.sha256 });
    return stored.id;
  });
}
