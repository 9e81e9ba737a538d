import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Access } from '../../platform/access';
import { AppError, errors } from '../../platform/errors';
import type { AppContext } from '../../platform/module';
import type { Db } from '../../platform/ports/db';
import { localDateOf } from '../../platform/time';
import { todayAttendance } from '../attendance';
import { type AuditActor, recordAudit } from '../audit';
import { type CameraRow, cameraRights, cutRevokedViews, getCamera, grantForInspection, listCameras, revokeGrantsFor } from '../cameras';
import { loadOrgTree } from '../org';
import { exportClip, exportSnapshot, linkEvidence } from '../recording';
import { FIELD_STATES } from './domain/states';
import { requireMember, requireState, visibleInspection } from './guards';
import type { ZEvidenceBody } from './inspections.dto';
import { type EvidenceLinkRow, getFinding, type InspectionRow, members } from './inspections.repo';

/**
 * Camera-backed checks: while the inspection window is open (from the planned start, or the actual start if earlier,
 * to the planned end, or the end of the work on site if earlier) the team may look at the inspected unit's cameras
 * and attach snapshots or clips of that window as evidence. The export is recording's: hashed, with a manifest, and
 * audited there; a finding's violation gets the export linked too.
 */
export function viewWindow(i: InspectionRow): { from: Date; to: Date } {
  const from = i.started_at && i.started_at < i.planned_from ? i.started_at : i.planned_from;
  const to = i.ended_at && i.ended_at < i.planned_to ? i.ended_at : i.planned_to;
  return { from, to };
}

function windowOpen(i: InspectionRow, now: Date): boolean {
  const w = viewWindow(i);
  return i.state === 'IN_PROGRESS' && now >= w.from && now <= w.to;
}

async function targetCameras(db: Db, i: InspectionRow): Promise<CameraRow[]> {
  const units = [...(await loadOrgTree(db)).scopeOf(i.target_unit_id)];
  return listCameras(db, { unitIds: units, enabledOnly: true });
}

/**
 * The team's cameras, each with whether the caller may watch it live / play it back now (by the inspection's grant,
 * or by a role over the unit): a member whose grant is missing sees the camera but not a dead live button.
 */
export async function teamCameras(db: Db, access: Access, id: string, now: Date) {
  const { i, s } = await visibleInspection(db, access, id);
  requireMember(s);
  if (!windowOpen(i, now)) return [];
  const until = viewWindow(i).to;
  const out = [];
  for (const c of await targetCameras(db, i)) {
    const r = await cameraRights(db, access, c, now);
    out.push({ id: c.id, name: c.name, unitId: c.unit_id, location: c.location_type ?? null, viewableUntil: until, liveAvailable: r.live, playbackAvailable: r.playback });
  }
  return out;
}

const grantedFor = (id: string) => ({ type: 'INSPECTION' as const, id });

/**
 * On the start of the work on site (inside its transaction): every team member may watch the inspected unit's cameras
 * (its subtree, disabled ones too, in case they come back) live and recorded until the planned end. The grants are
 * cameras' system grants: masked picture, audited there, never touching a leader's grant.
 */
export async function grantTeamCameras(tx: Db, i: InspectionRow, actor: AuditActor, now: Date): Promise<number> {
  const until = i.planned_to;
  if (until.getTime() <= now.getTime()) return 0;
  const units = [...(await loadOrgTree(tx)).scopeOf(i.target_unit_id)];
  const cameras = await listCameras(tx, { unitIds: units });
  const label = `“${i.title}”${i.decision_no ? ` (Quyết định số ${i.decision_no})` : ''}`;
  let n = 0;
  for (const m of await members(tx, i.id))
    for (const c of cameras) {
      await grantForInspection(tx, {
        cameraId: c.id,
        userId: m.user_id,
        rights: { live: true, playback: true },
        validUntil: until,
        reason: `Kiểm tra công vụ “${i.title}”: xem camera của đơn vị được kiểm tra trong thời gian kiểm tra`,
        grantedFor: { ...grantedFor(i.id), label },
        actor,
        now,
      });
      n++;
    }
  return n;
}

/** When the work on site ends (minutes issued) or the inspection closes: the team's camera grants end (same transaction). */
export async function revokeTeamCameras(tx: Db, id: string, actor: AuditActor, now: Date): Promise<number> {
  return (await revokeGrantsFor(tx, grantedFor(id), actor, { now })).length;
}

/** After the revoking transaction committed: the team's open live views of the unit's cameras stop at once. */
export async function cutTeamViews(ctx: AppContext, id: string): Promise<void> {
  // The minutes are committed by now: a failure here must not turn their issue into an error, and the live route's
  // periodic re-check of grant-based views ends the views within seconds anyway.
  await cutRevokedViews(ctx, grantedFor(id)).catch((err) => ctx.log.warn({ err: String(err), inspectionId: id }, 'cutting the team’s live views failed'));
}

const outsideWindow = (details: unknown) =>
  new AppError(
    422,
    'EVIDENCE_OUTSIDE_WINDOW',
    'Chỉ trích xuất hình ảnh trong thời gian kiểm tra theo quyết định.',
    'Only footage from within the inspection window may be exported.',
    details,
  );

export async function addEvidence(ctx: AppContext, access: Access, id: string, body: z.infer<typeof ZEvidenceBody>, now: Date): Promise<EvidenceLinkRow> {
  const { i, s } = await visibleInspection(ctx.db, access, id);
  requireMember(s);
  requireState(i, FIELD_STATES);
  if (!windowOpen(i, now))
    throw errors.conflict('INSPECTION_WINDOW_CLOSED', 'Ngoài thời gian kiểm tra: không xem được camera của đơn vị.', 'Outside the inspection window: the unit’s cameras are not available.');
  const camera = await getCamera(ctx.db, body.cameraId);
  if (!camera || !(await loadOrgTree(ctx.db)).scopeOf(i.target_unit_id).has(camera.unit_id)) throw errors.notFound('Camera', 'camera');
  const finding = body.findingId ? await getFinding(ctx.db, id, body.findingId) : undefined;
  if (body.findingId && !finding) throw errors.notFound('Finding', 'nội dung ghi nhận');
  const w = viewWindow(i);
  const inWindow = (d: Date) => d >= w.from && d <= w.to && d <= now;
  let exported: Awaited<ReturnType<typeof exportSnapshot>>;
  const reason = `Kiểm tra công vụ “${i.title}”: ${body.reason}`;
  if (body.kind === 'SNAPSHOT') {
    if (!body.at) throw errors.badRequest('EVIDENCE_TIME', 'Cần thời điểm chụp (at).', 'The snapshot time (at) is required.');
    const at = new Date(body.at);
    if (!inWindow(at)) throw outsideWindow({ at, from: w.from, to: w.to });
    exported = await exportSnapshot(ctx, { cameraId: camera.id, at, reason, actor: access.actor() });
  } else {
    if (!body.from || !body.to) throw errors.badRequest('EVIDENCE_TIME', 'Cần thời gian bắt đầu và kết thúc (from, to).', 'The clip needs from and to.');
    const from = new Date(body.from);
    const to = new Date(body.to);
    if (!inWindow(from) || !inWindow(to) || to <= from) throw outsideWindow({ from, to, window: w });
    exported = await exportClip(ctx, { cameraId: camera.id, from, to, reason, actor: access.actor() });
  }
  if (finding?.violation_id) await linkEvidence(ctx, { exportId: exported.id, targetType: 'VIOLATION', targetId: finding.violation_id, actor: access.actor() });
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<EvidenceLinkRow>(
      `INSERT INTO inspection_evidence (id, inspection_id, finding_id, export_id, kind, camera_id, sha256, reason, created_by, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING *`,
      [randomUUID(), id, body.findingId, exported.id, body.kind, camera.id, exported.sha256, body.reason, access.principal.userId, now.toISOString()],
    );
    await recordAudit(tx, { actor: access.actor(), action: 'inspections.evidence', entityType: 'inspection', entityId: id, unitId: i.target_unit_id, details: { exportId: exported.id, kind: body.kind, cameraId: camera.id, sha256: exported.sha256, findingId: body.findingId } }, now);
    return row as EvidenceLinkRow;
  });
}

export function evidenceDto(e: EvidenceLinkRow) {
  return { id: e.id, exportId: e.export_id, kind: e.kind, cameraId: e.camera_id, findingId: e.finding_id, sha256: e.sha256, reason: e.reason, createdAt: e.created_at };
}

/**
 * The attendance facts of the visit day beside the WORKING_HOURS item: for each person of the inspected unit, whether
 * they had punched in by the visit time (the start of the work on site; while it runs, now). Read from attendance's
 * provisional day view, never stored here.
 */
export async function attendanceAtVisit(db: Db, i: InspectionRow, now: Date) {
  if (!i.started_at) return null;
  const at = i.ended_at ?? (i.state === 'IN_PROGRESS' ? now : i.started_at);
  const visit = i.started_at;
  const day = localDateOf(visit);
  const units = [...(await loadOrgTree(db)).scopeOf(i.target_unit_id)];
  const view = await todayAttendance(db, { unitIds: units, day, now: at });
  const persons = view.persons.map((p) => ({
    personId: p.personId,
    name: p.fullName,
    employeeCode: p.employeeCode,
    status: p.status,
    arrivedAt: p.arrivedAt,
    punchedInByVisit: p.arrivedAt !== null && p.arrivedAt <= visit,
  }));
  return { date: day, at: visit, present: persons.filter((p) => p.punchedInByVisit).length, total: persons.length, persons };
}
