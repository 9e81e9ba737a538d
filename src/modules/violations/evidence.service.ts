import type { AppContext } from '../../platform/module';
import { AppError } from '../../platform/errors';
import type { AuditActor } from '../audit';
import { type CameraRow, listCameras } from '../cameras';
import { formatDateVi } from '../../platform/time';
import { loadOrgTree } from '../org';
import { exportClip, exportSnapshot, linkEvidence } from '../recording';
import { KIND_LABELS } from './domain/labels';
import { type EvidenceRow, getViolation, pendingEvidence, updateEvidence, type ViolationRow } from './violations.repo';

const SYSTEM: AuditActor = { id: null, name: 'system' };
/** Footage is exported once the segments around the range are closed (10 s segments, with margin). */
const SETTLE_MS = 60_000;
const MAX_ATTEMPTS = 5;
/** The gate is probed one minute into the session: the person should have passed it by then. */
const COVERAGE_PROBE_MS = 60_000;

/**
 * Gate cameras that can show this person: those of the violation's unit and of its parent units (a division's staff
 * enter through the commune headquarters' gate). Cameras facing the right way come first (in for late arrival, out
 * for early leave).
 */
async function gateCameras(ctx: AppContext, v: ViolationRow): Promise<CameraRow[]> {
  const tree = await loadOrgTree(ctx.db);
  const unitIds = tree.ancestry(v.unit_id).map((u) => u.id);
  const cams = (await listCameras(ctx.db, { unitIds, enabledOnly: true })).filter((c) => c.location_type === 'GATE');
  const want = v.kind === 'EARLY_LEAVE' ? 'OUT' : 'IN';
  return cams.sort((a, b) => Number(b.direction === want) - Number(a.direction === want));
}

function isNoFootage(err: unknown): boolean {
  return err instanceof AppError && err.code === 'NO_FOOTAGE';
}

async function ready(ctx: AppContext, e: EvidenceRow, v: ViolationRow, exp: { id: string; camera_id: string; blob_key: string; sha256: string; content_type: string }, details: Record<string, unknown>) {
  await linkEvidence(ctx, { exportId: exp.id, targetType: 'VIOLATION', targetId: v.id, actor: SYSTEM });
  await updateEvidence(
    ctx.db,
    e.id,
    { status: 'READY', camera_id: exp.camera_id, export_id: exp.id, blob_key: exp.blob_key, sha256: exp.sha256, content_type: exp.content_type, details: { ...e.details, ...details } },
    ctx.now(),
  );
}

/** Tries each gate camera in turn; the first with footage gives the evidence. */
async function resolveOne(ctx: AppContext, e: EvidenceRow, v: ViolationRow): Promise<'READY' | 'UNAVAILABLE' | 'WAIT'> {
  const cams = e.camera_id ? (await listCameras(ctx.db, { enabledOnly: false })).filter((c) => c.id === e.camera_id) : await gateCameras(ctx, v);
  const reason = `Bằng chứng: ${KIND_LABELS[v.kind].vi.toLowerCase()} ngày ${formatDateVi(v.occurred_on)} (hồ sơ vi phạm ${v.id})`;
  if (cams.length === 0) {
    await updateEvidence(ctx.db, e.id, { status: 'UNAVAILABLE', note: 'Không có camera cổng nào của đơn vị. / No gate camera covers this unit.' }, ctx.now());
    return 'UNAVAILABLE';
  }
  if (e.kind === 'CLIP' && e.range_start && e.range_end) {
    for (const cam of cams) {
      try {
        const exp = await exportClip(ctx, { cameraId: cam.id, from: e.range_start, to: e.range_end, reason, actor: SYSTEM });
        await ready(ctx, e, v, exp, { cameraName: cam.name });
        return 'READY';
      } catch (err) {
        if (!isNoFootage(err)) throw err;
      }
    }
  }
  if (e.kind === 'SNAPSHOT' && e.range_start) {
    for (const cam of cams) {
      try {
        const exp = await exportSnapshot(ctx, { cameraId: cam.id, at: e.range_start, reason, actor: SYSTEM });
        await ready(ctx, e, v, exp, { cameraName: cam.name });
        return 'READY';
      } catch (err) {
        if (!isNoFootage(err)) throw err;
      }
    }
  }
  if (e.kind === 'GATE_COVERAGE' && e.range_start) {
    // Was each gate camera recording at the start of the session? A snapshot at that instant both answers it and
    // shows the gate at the time the person should have come in.
    const at = new Date(e.range_start.getTime() + COVERAGE_PROBE_MS);
    const cameras: Array<{ id: string; name: string; recording: boolean }> = [];
    let first: Awaited<ReturnType<typeof exportSnapshot>> | null = null;
    for (const cam of cams) {
      try {
        const exp = await exportSnapshot(ctx, { cameraId: cam.id, at, reason, actor: SYSTEM });
        first ??= exp;
        cameras.push({ id: cam.id, name: cam.name, recording: true });
      } catch (err) {
        if (!isNoFootage(err)) throw err;
        cameras.push({ id: cam.id, name: cam.name, recording: false });
      }
    }
    if (first) {
      await ready(ctx, e, v, first, { checkedAt: at.toISOString(), cameras });
      return 'READY';
    }
    await updateEvidence(
      ctx.db,
      e.id,
      { status: 'UNAVAILABLE', details: { ...e.details, checkedAt: at.toISOString(), cameras }, note: 'Camera cổng không ghi hình vào thời điểm này. / The gate cameras were not recording.' },
      ctx.now(),
    );
    return 'UNAVAILABLE';
  }
  await updateEvidence(ctx.db, e.id, { status: 'UNAVAILABLE', note: 'Không có đoạn ghi hình trong khoảng thời gian này. / No footage in this range.' }, ctx.now());
  return 'UNAVAILABLE';
}

/**
 * Background pass: turns evidence requests (camera + time range) into hashed, audited exports of the recording
 * module, linked to the violation. Nothing is invented: without footage the request becomes UNAVAILABLE with the
 * reason; after repeated errors it becomes FAILED.
 */
export async function resolvePendingEvidence(
  ctx: AppContext,
  opts: { limit?: number; settleMs?: number } = {},
): Promise<{ ready: number; unavailable: number; failed: number }> {
  const limit = opts.limit ?? 10;
  const settleMs = opts.settleMs ?? SETTLE_MS;
  const out = { ready: 0, unavailable: 0, failed: 0 };
  const now = ctx.now();
  for (const e of await pendingEvidence(ctx.db, limit * 5)) {
    if (out.ready + out.unavailable + out.failed >= limit) break;
    // Coverage is probed at the start of the session; clips and snapshots need their whole range recorded.
    const end = e.kind === 'GATE_COVERAGE' && e.range_start ? new Date(e.range_start.getTime() + COVERAGE_PROBE_MS) : (e.range_end ?? e.range_start);
    if (!end || end.getTime() + settleMs > now.getTime()) continue;
    const v = await getViolation(ctx.db, e.violation_id);
    if (!v) continue;
    try {
      const r = await resolveOne(ctx, e, v);
      if (r === 'READY') out.ready++;
      else if (r === 'UNAVAILABLE') out.unavailable++;
    } catch (err) {
      const attempts = Number(e.details.attempts ?? 0) + 1;
      const message = err instanceof Error ? err.message : String(err);
      await updateEvidence(
        ctx.db,
        e.id,
        attempts >= MAX_ATTEMPTS ? { status: 'FAILED', note: message.slice(0, 500), details: { ...e.details, attempts } } : { details: { ...e.details, attempts, lastError: message.slice(0, 500) } },
        ctx.now(),
      );
      if (attempts >= MAX_ATTEMPTS) out.failed++;
    }
  }
  return out;
}
