import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Access } from '../../platform/access';
import { BLOB_KINDS, blobCreator, recordBlobOwner } from '../../platform/blob-owners/blob-owners';
import { AppError, errors } from '../../platform/errors';
import type { AppContext } from '../../platform/module';
import { allocateNumber } from '../../platform/official-docs';
import type { Db } from '../../platform/ports/db';
import { localDateOf } from '../../platform/time';
import { recordAudit } from '../audit';
import { notify } from '../notifications';
import { loadOrgTree } from '../org';
import { personsOnDate } from '../people';
import { cutTeamViews, revokeTeamCameras } from './camera-evidence.service';
import { decisionOf, docContext, yearOf } from './doc-inputs';
import { conclusionDocx, minutesDocx } from './docs';
import { unitLeaders } from './followup.service';
import { requireIssuer, requireState, visibleInspection } from './guards';
import type { ZConclusionBody, ZMinutesBody } from './followup.dto';
import { type DocumentRow, documents, type InspectionRow } from './inspections.repo';

/** The minutes (biên bản kiểm tra) and the conclusion notice (thông báo kết luận), numbered per issuer per year. */

export const MINUTES_SYMBOL = 'BB-ĐKT';

/** Writes the DOCX, its owner, its record and the audit entry; the caller's transaction makes them one. */
async function storeDocument(
  ctx: AppContext,
  tx: Db,
  access: Access,
  i: InspectionRow,
  doc: { kind: 'MINUTES' | 'CONCLUSION'; numberText: string; date: string; bytes: Uint8Array },
  now: Date,
  written: string[],
): Promise<DocumentRow> {
  const id = randomUUID();
  const key = `inspections/${i.id}/documents/${id}.docx`;
  const buf = Buffer.from(doc.bytes);
  const sha256 = createHash('sha256').update(buf).digest('hex');
  await ctx.blobs.put(key, buf, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  written.push(key);
  await recordBlobOwner(tx, { key, kind: BLOB_KINDS.inspectionDocument, unitId: i.target_unit_id, personId: null, createdBy: blobCreator(access.actor()) });
  const [row] = await tx.query<DocumentRow>(
    `INSERT INTO inspection_documents (id, inspection_id, kind, number_text, year, issuer_unit_id, blob_key, sha256, issued_at, issued_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING *`,
    [id, i.id, doc.kind, doc.numberText, yearOf(doc.date), i.issuer_unit_id, key, sha256, now.toISOString(), access.principal.userId],
  );
  await recordAudit(tx, { actor: access.actor(), action: doc.kind === 'MINUTES' ? 'inspections.minutes' : 'inspections.conclusion', entityType: 'inspection', entityId: i.id, unitId: i.target_unit_id, details: { documentId: id, number: doc.numberText, sha256 } }, now);
  return row as DocumentRow;
}

/** Runs a document use case; files written for a transaction that did not commit are removed again. */
async function withFiles<R>(ctx: AppContext, fn: (tx: Db, written: string[]) => Promise<R>): Promise<R> {
  const written: string[] = [];
  try {
    return await ctx.db.transaction((tx) => fn(tx, written));
  } catch (e) {
    for (const key of written) await ctx.blobs.delete(key).catch(() => undefined);
    throw e;
  }
}

async function lockState(tx: Db, i: InspectionRow): Promise<InspectionRow> {
  const [row] = await tx.query<InspectionRow>('SELECT * FROM inspections WHERE id = $1 FOR UPDATE', [i.id]);
  return row ?? i;
}

export async function issueMinutes(ctx: AppContext, access: Access, id: string, body: z.infer<typeof ZMinutesBody>, now: Date): Promise<DocumentRow> {
  const { i, s } = await visibleInspection(ctx.db, access, id);
  if (!s.member) requireIssuer(access, s);
  requireState(i, ['IN_PROGRESS']);
  const endedAt = body.endedAt ? new Date(body.endedAt) : now;
  if (!i.started_at || endedAt < i.started_at || endedAt.getTime() > now.getTime() + 5 * 60_000)
    throw errors.badRequest('MINUTES_END_TIME', 'Thời điểm kết thúc phải sau khi bắt đầu và không ở tương lai.', 'The end time must be after the start and not in the future.');
  const c = await docContext(ctx.db, i, body.place);
  if (c.unjudged.length > 0)
    throw errors.conflict('MINUTES_ITEMS_NOT_JUDGED', `Còn ${c.unjudged.length} tiêu chí chưa đánh giá.`, `${c.unjudged.length} checklist item(s) are not judged yet.`, { items: c.unjudged });
  const date = body.date ?? localDateOf(endedAt);
  const doc = await withFiles(ctx, async (tx, written) => {
    requireState(await lockState(tx, i), ['IN_PROGRESS']);
    const number = await allocateNumber(tx, { issuerUnitId: i.issuer_unit_id, year: yearOf(date), symbol: MINUTES_SYMBOL, usedFor: `inspection:${i.id}:minutes` });
    const bytes = await minutesDocx({
      issuer: c.issuer,
      number,
      numberSymbol: MINUTES_SYMBOL,
      date,
      kind: i.kind,
      title: i.title,
      scope: i.scope || null,
      decision: decisionOf(i),
      startedAt: i.started_at as Date,
      endedAt,
      place: i.place,
      team: c.team,
      targetUnit: c.targetUnit,
      representative: body.representative,
      items: c.items,
      findings: c.findings,
      representativeOpinion: body.opinion,
      disagreement: body.disagreement,
      closingNote: body.closingNote,
    });
    await tx.query(
      `UPDATE inspections SET state = 'MINUTES_ISSUED', ended_at = $2, representative_name = $3, representative_title = $4, representative_opinion = $5,
              disagreement = $6, closing_note = $7, updated_at = $8 WHERE id = $1`,
      [id, endedAt.toISOString(), body.representative.name, body.representative.title, body.opinion, body.disagreement, body.closingNote, now.toISOString()],
    );
    // The work on site is over: the team’s camera grants end with it, in the same transaction as the minutes.
    await revokeTeamCameras(tx, id, access.actor(), now);
    return storeDocument(ctx, tx, access, i, { kind: 'MINUTES', numberText: number, date, bytes }, now, written);
  });
  await cutTeamViews(ctx, id);
  return doc;
}

export async function issueConclusion(ctx: AppContext, access: Access, id: string, body: z.infer<typeof ZConclusionBody>, now: Date): Promise<DocumentRow> {
  const { i, s } = await visibleInspection(ctx.db, access, id);
  requireIssuer(access, s);
  if (['DRAFT', 'DECIDED', 'IN_PROGRESS'].includes(i.state))
    throw errors.conflict('CONCLUSION_BEFORE_MINUTES', 'Chưa có biên bản kiểm tra: chưa thể ban hành kết luận.', 'The minutes have not been issued: the conclusion cannot be issued yet.', { state: i.state });
  requireState(i, ['MINUTES_ISSUED']);
  const today = localDateOf(now);
  const date = body.date ?? today;
  const tree = await loadOrgTree(ctx.db);
  const scope = tree.scopeOf(i.target_unit_id);
  for (const r of body.remediations) {
    if (!scope.has(r.ownerUnitId))
      throw new AppError(422, 'REMEDIATION_OWNER_OUT_OF_SCOPE', 'Đơn vị khắc phục phải là đơn vị được kiểm tra hoặc đơn vị trực thuộc.', 'The remediation owner must be the inspected unit or one of its sub-units.', { ownerUnitId: r.ownerUnitId });
    if (r.dueOn < date) throw errors.badRequest('REMEDIATION_DUE_IN_PAST', 'Thời hạn khắc phục phải sau ngày kết luận.', 'The remediation deadline must be after the conclusion date.', { dueOn: r.dueOn });
  }
  const visitDate = localDateOf(i.started_at ?? i.planned_from);
  const named = [...body.recommendations.map((r) => r.personId), ...body.remediations.map((r) => r.responsiblePersonId)].filter((p): p is string => !!p);
  for (const p of await personsOnDate(ctx.db, named, visitDate))
    if (!scope.has(p.unitId))
      throw new AppError(422, 'FINDING_PERSON_NOT_IN_UNIT', `${p.fullName} không thuộc đơn vị được kiểm tra vào ngày ${visitDate}.`, `${p.fullName} did not belong to the inspected unit on ${visitDate}.`, { personId: p.personId });
  const c = await docContext(ctx.db, i, body.place);
  const minutes = (await documents(ctx.db, id)).find((d) => d.kind === 'MINUTES');
  const symbol = `TB-${c.issuerShortName}`;
  return withFiles(ctx, async (tx, written) => {
    requireState(await lockState(tx, i), ['MINUTES_ISSUED']);
    const number = await allocateNumber(tx, { issuerUnitId: i.issuer_unit_id, year: yearOf(date), symbol, usedFor: `inspection:${i.id}:conclusion` });
    let ord = 0;
    const recs = [];
    for (const r of body.recommendations) {
      await tx.query('INSERT INTO inspection_recommendations (id, inspection_id, kind, text, person_id, ord) VALUES ($1,$2,$3,$4,$5,$6)', [randomUUID(), id, r.kind, r.text, r.personId, ++ord]);
      recs.push({ kind: r.kind, text: r.text, person: await c.personName(r.personId) });
    }
    ord = 0;
    const rems = [];
    for (const r of body.remediations) {
      await tx.query(
        `INSERT INTO inspection_remediations (id, inspection_id, description, owner_unit_id, responsible_person_id, due_on, state, ord) VALUES ($1,$2,$3,$4,$5,$6,'OPEN',$7)`,
        [randomUUID(), id, r.description, r.ownerUnitId, r.responsiblePersonId, r.dueOn, ++ord],
      );
      rems.push({ description: r.description, ownerUnitName: tree.byId.get(r.ownerUnitId)?.name ?? '', responsiblePersonName: (await c.personName(r.responsiblePersonId))?.name ?? null, dueOn: r.dueOn });
    }
    const bytes = await conclusionDocx({
      issuer: c.issuer,
      number,
      numberSymbol: symbol,
      date,
      kind: i.kind,
      title: i.title,
      decision: decisionOf(i),
      minutes: { number: minutes?.number_text ?? null, date: minutes ? localDateOf(minutes.issued_at) : date },
      startedAt: i.started_at ?? i.planned_from,
      endedAt: i.ended_at ?? i.planned_to,
      targetUnit: c.targetUnit,
      summary: body.summary,
      items: c.items,
      findings: c.findings,
      shortcomings: body.shortcomings,
      recommendations: recs,
      remediations: rems,
      reportDueOn: body.reportDueOn,
      signer: body.signer,
      recipients: body.recipients.length ? body.recipients : [c.targetUnit.name, 'Lưu: VT'],
    });
    await tx.query('UPDATE inspections SET state = $2, updated_at = $3 WHERE id = $1', [id, body.remediations.length ? 'REMEDIATING' : 'CONCLUDED', now.toISOString()]);
    const doc = await storeDocument(ctx, tx, access, i, { kind: 'CONCLUSION', numberText: number, date, bytes }, now, written);
    // The inspected unit learns of the conclusion (and its deadlines) from the notice, with a link to the inspection.
    await notify(
      tx,
      {
        template: 'inspections.conclusion',
        rendered: {
          subject: `[Kỷ Cương] Thông báo kết luận kiểm tra ${number}`,
          title: `Kết luận kiểm tra công vụ tại ${c.targetUnit.name}`,
          paragraphs: [`${c.issuer.name} đã ban hành Thông báo kết luận kiểm tra số ${number} (“${i.title}”).`, rems.length ? `Có ${rems.length} nội dung cần khắc phục, hạn sớm nhất ${rems.map((r) => r.dueOn).sort()[0]}.` : 'Không có nội dung phải khắc phục.'],
          link: `/inspections/${id}`,
        },
        recipients: await unitLeaders(tx, i.target_unit_id, today),
        entityType: 'inspection',
        entityId: id,
        dedupKey: `inspection-conclusion:${id}`,
      },
      now,
    );
    return doc;
  });
}

export function documentDto(d: DocumentRow) {
  return { id: d.id, kind: d.kind, numberText: d.number_text, year: d.year, sha256: d.sha256, issuedAt: d.issued_at, url: `/api/inspections/${d.inspection_id}/documents/${d.id}` };
}
