import type { z } from 'zod';
import type { Access } from '../../platform/access';
import { errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { addDays, formatDateVi, localDateOf } from '../../platform/time';
import { recordAudit } from '../audit';
import { holdersOf, notify, type Recipient, unitHeads } from '../notifications';
import { loadOrgTree } from '../org';
import { revokeTeamCameras } from './camera-evidence.service';
import { requireIssuer, requireState, visibleInspection } from './guards';
import type { ZCloseBody, ZDoneBody, ZReportBody } from './followup.dto';
import { dueRemediations, getRemediation, remediations } from './inspections.repo';

/** Follow-up (theo dõi khắc phục): the unit's report, the issuer's acceptance, closing, and the daily reminders. */

/**
 * Who hears for a unit: its heads (unit_head up the tree) and the leaders who read its reports (a commune's chairman,
 * office chief, home-affairs leader), once each.
 */
export async function unitLeaders(db: Db, unitId: string, today: string): Promise<Recipient[]> {
  const all = [...(await unitHeads(db, unitId, today)), ...(await holdersOf(db, 'reports.read', unitId, today))];
  return all.filter((r, i) => all.findIndex((x) => x.userId === r.userId) === i);
}

const FOLLOW_UP = ['REMEDIATING', 'CONCLUDED'] as const;

async function remediationOf(db: Db, inspectionId: string, rid: string, forUpdate = false) {
  const r = await getRemediation(db, inspectionId, rid, forUpdate);
  if (!r) throw errors.notFound('Remediation', 'nội dung khắc phục');
  return r;
}

/** The inspected unit reports what it fixed (báo cáo khắc phục): its leaders over the owner unit, or the issuer side. */
export async function reportRemediation(db: Db, access: Access, id: string, rid: string, body: z.infer<typeof ZReportBody>, now: Date): Promise<void> {
  const { i, s } = await visibleInspection(db, access, id);
  requireState(i, FOLLOW_UP);
  const r = await remediationOf(db, id, rid);
  if (!s.issuer) access.requireInUnit('reports.read', r.owner_unit_id);
  if (r.state === 'DONE' || r.closed_at)
    throw errors.conflict('REMEDIATION_CLOSED', 'Nội dung khắc phục này đã kết thúc.', 'This remediation is already closed.');
  await db.transaction(async (tx) => {
    await remediationOf(tx, id, rid, true);
    await tx.query(`UPDATE inspection_remediations SET state = 'REPORTED', report = $2, reported_at = $3 WHERE id = $1`, [rid, body.text, now.toISOString()]);
    await recordAudit(tx, { actor: access.actor(), action: 'inspections.remediation_report', entityType: 'inspection', entityId: id, unitId: r.owner_unit_id, details: { remediationId: rid } }, now);
    await notify(
      tx,
      {
        template: 'inspections.remediation_reported',
        rendered: {
          subject: `[Kỷ Cương] Báo cáo khắc phục sau kiểm tra: ${i.title}`,
          title: `Đơn vị đã báo cáo khắc phục: ${r.description}`,
          paragraphs: [`${access.principal.displayName} đã báo cáo kết quả khắc phục “${r.description}” (hạn ${formatDateVi(r.due_on)}).`],
          link: `/inspections/${id}`,
        },
        recipients: await holdersOf(tx, 'inspections.manage', i.issuer_unit_id, localDateOf(now)),
        entityType: 'inspection',
        entityId: id,
        dedupKey: `inspection-remediation-report:${rid}:${now.getTime()}`,
      },
      now,
    );
  });
}

/** The issuer side accepts a remediation as done. */
export async function completeRemediation(db: Db, access: Access, id: string, rid: string, body: z.infer<typeof ZDoneBody>, now: Date): Promise<void> {
  const { i, s } = await visibleInspection(db, access, id);
  requireIssuer(access, s);
  requireState(i, FOLLOW_UP);
  const r = await remediationOf(db, id, rid);
  if (r.state === 'DONE') return;
  await db.transaction(async (tx) => {
    await tx.query(`UPDATE inspection_remediations SET state = 'DONE', closed_note = COALESCE($2, closed_note), closed_at = $3 WHERE id = $1`, [rid, body.note, now.toISOString()]);
    await recordAudit(tx, { actor: access.actor(), action: 'inspections.remediation_done', entityType: 'inspection', entityId: id, unitId: r.owner_unit_id, details: { remediationId: rid, note: body.note } }, now);
  });
}

/** Closes the inspection: every remediation done, or the open ones closed with the note (closeOpenRemediations). */
export async function closeInspection(db: Db, access: Access, id: string, body: z.infer<typeof ZCloseBody>, now: Date): Promise<void> {
  const { i, s } = await visibleInspection(db, access, id);
  requireIssuer(access, s);
  requireState(i, FOLLOW_UP);
  const open = (await remediations(db, id)).filter((r) => r.state !== 'DONE' && !r.closed_at);
  if (open.length > 0 && !body.closeOpenRemediations)
    throw errors.conflict('REMEDIATIONS_OPEN', `Còn ${open.length} nội dung khắc phục chưa hoàn thành.`, `${open.length} remediation(s) are not done yet.`, { open: open.map((r) => r.id) });
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ state: string }>('SELECT state FROM inspections WHERE id = $1 FOR UPDATE', [id]);
    if (row?.state === 'CLOSED') requireState({ ...i, state: 'CLOSED' }, FOLLOW_UP);
    for (const r of open) await tx.query('UPDATE inspection_remediations SET closed_note = $2, closed_at = $3 WHERE id = $1', [r.id, body.note, now.toISOString()]);
    await tx.query(`UPDATE inspections SET state = 'CLOSED', closing_note = $2, closed_at = $3, updated_at = $3 WHERE id = $1`, [id, body.note, now.toISOString()]);
    await revokeTeamCameras(tx, id, access.actor(), now);
    await recordAudit(tx, { actor: access.actor(), action: 'inspections.close', entityType: 'inspection', entityId: id, unitId: i.target_unit_id, details: { note: body.note, closedOpen: open.map((r) => r.id) } }, now);
  });
}

/** Days before a remediation's deadline when its unit is reminded. */
export const REMINDER_DAYS = 3;

/**
 * The daily follow-up: a reminder REMINDER_DAYS before each deadline, and on the day after it an overdue flag with a
 * notice to the unit and the issuer side. Each remediation is reminded and flagged once (its dates are kept).
 */
export async function remediationReminders(db: Db, now: Date): Promise<{ reminded: number; overdue: number }> {
  const today = localDateOf(now);
  let reminded = 0;
  let overdue = 0;
  const tree = await loadOrgTree(db);
  for (const r of await dueRemediations(db, addDays(today, REMINDER_DAYS))) {
    const unitName = tree.byId.get(r.owner_unit_id)?.name ?? '';
    if (r.due_on < today && r.state === 'OPEN' && !r.overdue_notified_on) {
      await db.transaction(async (tx) => {
        const done = await tx.query(`UPDATE inspection_remediations SET state = 'OVERDUE', overdue_notified_on = $2 WHERE id = $1 AND state = 'OPEN' RETURNING id`, [r.id, today]);
        if (done.length === 0) return;
        const recipients = [...(await unitLeaders(tx, r.owner_unit_id, today)), ...(await holdersOf(tx, 'inspections.manage', r.issuer_unit_id, today))];
        await notify(
          tx,
          {
            template: 'inspections.remediation_overdue',
            rendered: {
              subject: `[Kỷ Cương] Quá hạn khắc phục sau kiểm tra: ${unitName}`,
              title: `Quá hạn khắc phục: ${r.description}`,
              paragraphs: [`Nội dung “${r.description}” của ${unitName} (kiểm tra “${r.title}”) đã quá hạn ${formatDateVi(r.due_on)} mà chưa có báo cáo khắc phục.`],
              link: `/inspections/${r.inspection_id}`,
            },
            recipients,
            entityType: 'inspection',
            entityId: r.inspection_id,
            dedupKey: `inspection-remediation-overdue:${r.id}`,
          },
          now,
        );
        await recordAudit(tx, { actor: { id: null, name: 'system' }, action: 'inspections.remediation_overdue', entityType: 'inspection', entityId: r.inspection_id, unitId: r.owner_unit_id, details: { remediationId: r.id, dueOn: r.due_on } }, now);
        overdue++;
      });
    } else if (r.due_on >= today && r.state === 'OPEN' && !r.reminded_on) {
      await db.transaction(async (tx) => {
        const done = await tx.query('UPDATE inspection_remediations SET reminded_on = $2 WHERE id = $1 AND reminded_on IS NULL RETURNING id', [r.id, today]);
        if (done.length === 0) return;
        await notify(
          tx,
          {
            template: 'inspections.remediation_due',
            rendered: {
              subject: `[Kỷ Cương] Sắp đến hạn khắc phục sau kiểm tra: ${unitName}`,
              title: `Hạn khắc phục ${formatDateVi(r.due_on)}: ${r.description}`,
              paragraphs: [`Nội dung “${r.description}” (kiểm tra “${r.title}”) cần được khắc phục và báo cáo trước ngày ${formatDateVi(r.due_on)}.`],
              link: `/inspections/${r.inspection_id}`,
            },
            recipients: await unitLeaders(tx, r.owner_unit_id, today),
            entityType: 'inspection',
            entityId: r.inspection_id,
            dedupKey: `inspection-remediation-due:${r.id}`,
          },
          now,
        );
        reminded++;
      });
    }
  }
  return { reminded, overdue };
}
