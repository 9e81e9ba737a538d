import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { addDays, dateRange, localDateOf } from '../calendar/domain/local-time';
import { type ClockCorrection, correctDeviceTime, estimateClockOffset } from './domain/clock';
import { enqueueDirty } from './recompute.service';
import { loadOrgParents, subtreeOf } from './staff.repo';

import { CLOCK_SKEW_TOLERANCE_MS, FUTURE_TOLERANCE_MS } from './domain/constants';

export { CLOCK_SKEW_TOLERANCE_MS, FUTURE_TOLERANCE_MS };

const instant = z.union([z.date(), z.string().datetime({ offset: true })]).transform((v) => (v instanceof Date ? v : new Date(v)));

export const punchInputSchema = z.strictObject({
  source: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/),
  sourceEventId: z.string().min(1).max(200),
  personId: z.string().uuid(),
  /** When it happened, as the source knows it. */
  at: instant,
  /** The device's own clock reading, when the source has one (used for skew correction). */
  deviceTime: instant.nullish(),
  /** When the server received it; defaults to now. */
  receivedAt: instant.nullish(),
  direction: z.enum(['IN', 'OUT']).nullish(),
  confidence: z.number().min(0).max(1).nullish(),
  sourceKind: z.enum(['CAMERA', 'DEVICE', 'MOBILE', 'IMPORT']).nullish(),
  evidence: z.strictObject({ snapshotKey: z.string().max(512).optional(), sightingId: z.string().max(200).optional() }).nullish(),
});
export type PunchInput = z.input<typeof punchInputSchema>;

export type IngestOutcome =
  | { status: 'ACCEPTED'; punchId: string; effectiveAt: string; localDate: string }
  | { status: 'DUPLICATE'; punchId: string; effectiveAt: string; localDate: string };

const invalid = (details: unknown) =>
  errors.badRequest('PUNCH_INVALID', 'Dữ liệu lượt chấm công không hợp lệ.', 'The punch data is invalid.', details);

async function loadCorrections(db: Db, sources: readonly string[]): Promise<ClockCorrection[]> {
  const rows = await db.query<{ source_id: string; valid_from: Date; valid_to: Date | null; offset_ms: number }>(
    'SELECT source_id, valid_from, valid_to, offset_ms FROM source_clock_corrections WHERE source_id = ANY($1::text[])',
    [sources],
  );
  return rows.map((r) => ({ source: r.source_id, from: r.valid_from.getTime(), to: r.valid_to?.getTime() ?? null, offsetMs: r.offset_ms }));
}

/**
 * Stores one raw punch from any source (gate camera recognition, device, import). Idempotent on
 * (source, sourceEventId): the same event again is acknowledged as DUPLICATE and counted once; the same id with a
 * different content is refused. A punch for a day already closed queues that day for recomputation.
 */
export async function ingestPunch(db: Db, raw: PunchInput, opts: { now?: Date } = {}): Promise<IngestOutcome> {
  const parsed = punchInputSchema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ path: i.path.join('.'), problem: i.message })));
  const p = parsed.data;
  for (const [k, v] of [['at', p.at], ['deviceTime', p.deviceTime], ['receivedAt', p.receivedAt]] as const)
    if (v && Number.isNaN(v.getTime())) throw invalid([{ path: k, problem: 'not a valid instant' }]);
  const now = opts.now ?? new Date();
  const receivedAt = p.receivedAt ?? now;

  return db.transaction(async (tx) => {
    const person = await tx.query<{ id: string }>('SELECT id FROM persons WHERE id = $1', [p.personId]);
    if (person.length === 0)
      throw new AppError(422, 'PERSON_UNKNOWN', 'Không tìm thấy cán bộ của lượt chấm công.', 'The punch names an unknown person.', {
        personId: p.personId,
      });
    const corrections = await loadCorrections(tx, [p.source]);
    const effective = p.deviceTime ? correctDeviceTime(p.source, p.deviceTime.getTime(), corrections) : p.at.getTime();
    const effectiveAt = p.deviceTime && effective !== p.deviceTime.getTime() ? effective : p.at.getTime();
    if (effectiveAt > receivedAt.getTime() + FUTURE_TOLERANCE_MS)
      throw new AppError(
        422,
        'PUNCH_IN_FUTURE',
        'Thời điểm chấm công ở tương lai, vượt quá sai số cho phép. Kiểm tra đồng hồ thiết bị.',
        'The punch time is in the future beyond the tolerance. Check the device clock.',
        { at: new Date(effectiveAt).toISOString(), receivedAt: receivedAt.toISOString(), toleranceSeconds: FUTURE_TOLERANCE_MS / 1000 },
      );
    await tx.query(
      `INSERT INTO punch_sources (id, kind, name) VALUES ($1, $2, $1) ON CONFLICT (id) DO NOTHING`,
      [p.source, p.sourceKind ?? 'DEVICE'],
    );
    const id = randomUUID();
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO punches (id, source_id, source_event_id, person_id, at, device_time, received_at, direction, confidence,
                            evidence_snapshot_key, evidence_sighting_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (source_id, source_event_id) DO NOTHING RETURNING id`,
      [
        id,
        p.source,
        p.sourceEventId,
        p.personId,
        p.at,
        p.deviceTime ?? null,
        receivedAt,
        p.direction ?? null,
        p.confidence ?? null,
        p.evidence?.snapshotKey ?? null,
        p.evidence?.sightingId ?? null,
      ],
    );
    const localDate = localDateOf(effectiveAt);
    const out = { effectiveAt: new Date(effectiveAt).toISOString(), localDate };
    if (inserted.length === 0) {
      const [existing] = await tx.query<{ id: string; person_id: string; at: Date }>(
        'SELECT id, person_id, at FROM punches WHERE source_id = $1 AND source_event_id = $2',
        [p.source, p.sourceEventId],
      );
      if (!existing || existing.person_id !== p.personId || existing.at.getTime() !== p.at.getTime())
        throw errors.conflict(
          'PUNCH_EVENT_ID_REUSED',
          'Mã sự kiện này đã được dùng cho một lượt chấm công khác.',
          'This source event id was already used for a different punch.',
          { source: p.source, sourceEventId: p.sourceEventId },
        );
      return { status: 'DUPLICATE', punchId: existing.id, ...out };
    }
    await tx.query('UPDATE punch_sources SET last_event_at = GREATEST(last_event_at, $2) WHERE id = $1', [p.source, receivedAt]);
    if (localDate < localDateOf(now)) await enqueueDirty(tx, [{ personId: p.personId, date: localDate }]);
    return { status: 'ACCEPTED', punchId: id, ...out };
  });
}

export type BatchOutcome = IngestOutcome | { status: 'REJECTED'; code: string; message_vi: string; message_en: string; details?: unknown };

/** Batch ingestion (device uploads, imports): each item succeeds or fails on its own; a bad item never sinks the batch. */
export async function ingestPunches(db: Db, items: readonly PunchInput[], opts: { now?: Date } = {}): Promise<BatchOutcome[]> {
  const out: BatchOutcome[] = [];
  for (const item of items) {
    try {
      out.push(await ingestPunch(db, item, opts));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out.push({ status: 'REJECTED', code: e.code, message_vi: e.messageVi, message_en: e.messageEn, details: e.details });
    }
  }
  return out;
}

/** A manual punch (forgotten card, camera missed the person): reason and approver required, audited. */
export async function createManualPunch(
  db: Db,
  actor: AuditActor & { id: string },
  input: { personId: string; unitId: string; at: Date; direction?: 'IN' | 'OUT' | null; reason: string },
  now: Date = new Date(),
): Promise<{ punchId: string }> {
  if (input.reason.trim().length < 5)
    throw errors.badRequest('REASON_REQUIRED', 'Cần nêu lý do chấm công thủ công.', 'A reason is required for a manual punch.');
  if (input.at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
    throw new AppError(422, 'PUNCH_IN_FUTURE', 'Không thể chấm công cho thời điểm ở tương lai.', 'A manual punch cannot be in the future.');
  return db.transaction(async (tx) => {
    await tx.query(`INSERT INTO punch_sources (id, kind, name) VALUES ('manual', 'MANUAL', 'Chấm công thủ công') ON CONFLICT (id) DO NOTHING`);
    const id = randomUUID();
    await tx.query(
      `INSERT INTO punches (id, source_id, source_event_id, person_id, at, received_at, direction, kind, manual_reason, manual_approved_by, created_by)
       VALUES ($1, 'manual', $2, $3, $4, $5, $6, 'MANUAL', $7, $8, $9)`,
      [id, id, input.personId, input.at, now, input.direction ?? null, input.reason.trim(), actor.id, actor.id],
    );
    const date = localDateOf(input.at);
    if (date < localDateOf(now)) await enqueueDirty(tx, [{ personId: input.personId, date }]);
    await recordAudit(tx, {
      actor,
      action: 'attendance.manual_punch',
      entityType: 'punch',
      entityId: id,
      unitId: input.unitId,
      reason: input.reason.trim(),
      details: { personId: input.personId, at: input.at.toISOString(), direction: input.direction ?? null },
    });
    return { punchId: id };
  });
}

/** Annuls a wrong punch (the raw row stays); audited; the day is recomputed. */
export async function annulPunch(db: Db, actor: AuditActor & { id: string }, punchId: string, reason: string, unitId: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [p] = await tx.query<{ person_id: string; at: Date }>('SELECT person_id, at FROM punches WHERE id = $1', [punchId]);
    if (!p) throw errors.notFound('Punch', 'lượt chấm công');
    const ins = await tx.query('INSERT INTO punch_annulments (punch_id, reason, annulled_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING punch_id', [punchId, reason, actor.id]);
    if (ins.length === 0) return;
    const date = localDateOf(p.at);
    if (date < localDateOf(now)) await enqueueDirty(tx, [{ personId: p.person_id, date }]);
    await recordAudit(tx, { actor, action: 'attendance.punch_annul', entityType: 'punch', entityId: punchId, unitId, reason, details: {} });
  });
}

/**
 * A source says it is alive, with its own clock reading. Closes an open heartbeat outage, and keeps the source's
 * clock correction in line with the median offset of its recent heartbeats.
 */
export async function recordHeartbeat(
  db: Db,
  input: { source: string; deviceTime?: Date | null; receivedAt?: Date; kind?: 'CAMERA' | 'DEVICE' | 'MOBILE' | 'IMPORT' },
): Promise<{ offsetMs: number | null; correctionOpened: boolean }> {
  const receivedAt = input.receivedAt ?? new Date();
  return db.transaction(async (tx) => {
    await tx.query(`INSERT INTO punch_sources (id, kind, name) VALUES ($1, $2, $1) ON CONFLICT (id) DO NOTHING`, [input.source, input.kind ?? 'DEVICE']);
    await tx.query('UPDATE punch_sources SET last_heartbeat_at = GREATEST(last_heartbeat_at, $2) WHERE id = $1', [input.source, receivedAt]);
    await tx.query(
      `UPDATE source_outages SET ended_at = $2 WHERE source_id = $1 AND ended_at IS NULL AND detected_by = 'HEARTBEAT' AND started_at < $2`,
      [input.source, receivedAt],
    );
    await tx.query('INSERT INTO source_heartbeats (source_id, received_at, device_time) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      input.source,
      receivedAt,
      input.deviceTime ?? null,
    ]);
    await tx.query(
      `DELETE FROM source_heartbeats WHERE source_id = $1 AND received_at < (
         SELECT min(received_at) FROM (SELECT received_at FROM source_heartbeats WHERE source_id = $1 ORDER BY received_at DESC LIMIT 15) t)`,
      [input.source],
    );
    const samples = await tx.query<{ received_at: Date; device_time: Date }>(
      'SELECT received_at, device_time FROM source_heartbeats WHERE source_id = $1 AND device_time IS NOT NULL ORDER BY received_at DESC LIMIT 9',
      [input.source],
    );
    if (samples.length < 3) return { offsetMs: null, correctionOpened: false };
    const offset = estimateClockOffset(samples.map((s) => ({ deviceTime: s.device_time.getTime(), receivedAt: s.received_at.getTime() }))) ?? 0;
    const [open] = await tx.query<{ id: string; offset_ms: number }>(
      'SELECT id, offset_ms FROM source_clock_corrections WHERE source_id = $1 AND valid_to IS NULL',
      [input.source],
    );
    const needed = Math.abs(offset) > CLOCK_SKEW_TOLERANCE_MS;
    const current = open?.offset_ms ?? 0;
    if (Math.abs(offset - current) <= CLOCK_SKEW_TOLERANCE_MS && (needed || !open)) return { offsetMs: offset, correctionOpened: false };
    // The offset changed: close the correction in force from the oldest sample that shows the new offset.
    const since = new Date(Math.min(...samples.map((s) => s.device_time.getTime())));
    if (open) await tx.query('UPDATE source_clock_corrections SET valid_to = $2 WHERE id = $1', [open.id, since]);
    if (needed)
      await tx.query(
        `INSERT INTO source_clock_corrections (id, source_id, valid_from, offset_ms, detected_by, note) VALUES ($1, $2, $3, $4, 'HEARTBEAT', $5)`,
        [randomUUID(), input.source, since, offset, `median offset of ${samples.length} heartbeats`],
      );
    return { offsetMs: offset, correctionOpened: needed };
  });
}

/** Opens an outage for every source silent for more than 3 heartbeat intervals (run by the module's ticker). */
export async function detectOutages(db: Db, now: Date): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO source_outages (id, source_id, started_at, detected_by, note)
     SELECT gen_random_uuid(), s.id, s.last_heartbeat_at + make_interval(secs => s.heartbeat_interval_seconds), 'HEARTBEAT', 'no heartbeat'
       FROM punch_sources s
      WHERE s.last_heartbeat_at IS NOT NULL
        AND s.last_heartbeat_at < $1::timestamptz - make_interval(secs => 3 * s.heartbeat_interval_seconds)
        AND NOT EXISTS (SELECT 1 FROM source_outages o WHERE o.source_id = s.id AND o.ended_at IS NULL)
     RETURNING id`,
    [now],
  );
  return rows.length;
}

/** An outage reported by hand (power cut, camera replaced), possibly in the past: the covered days are recomputed. */
export async function reportOutage(
  db: Db,
  actor: AuditActor & { id: string },
  input: { source: string; startedAt: Date; endedAt: Date | null; note: string },
  now: Date = new Date(),
): Promise<{ outageId: string }> {
  return db.transaction(async (tx) => {
    const [src] = await tx.query<{ id: string; unit_id: string | null }>('SELECT id, unit_id FROM punch_sources WHERE id = $1', [input.source]);
    if (!src) throw errors.notFound('Punch source', 'nguồn chấm công');
    if (input.endedAt && input.endedAt <= input.startedAt)
      throw errors.badRequest('OUTAGE_RANGE', 'Thời điểm kết thúc phải sau thời điểm bắt đầu.', 'The end must be after the start.');
    const id = randomUUID();
    await tx.query(
      `INSERT INTO source_outages (id, source_id, started_at, ended_at, detected_by, note) VALUES ($1, $2, $3, $4, 'MANUAL', $5)`,
      [id, input.source, input.startedAt, input.endedAt, input.note],
    );
    if (src.unit_id) {
      const units = subtreeOf(src.unit_id, await loadOrgParents(tx));
      const last = localDateOf(input.endedAt ?? now);
      const dates = dateRange(localDateOf(input.startedAt), last < localDateOf(now) ? last : addDays(localDateOf(now), -1));
      if (dates.length > 0) {
        const people = await tx.query<{ person_id: string }>(
          'SELECT DISTINCT person_id FROM person_unit_history WHERE unit_id = ANY($1::uuid[])',
          [units],
        );
        await enqueueDirty(tx, people.flatMap((p) => dates.map((date) => ({ personId: p.person_id, date }))));
      }
    }
    await recordAudit(tx, { actor, action: 'attendance.outage_report', entityType: 'punch_source', entityId: input.source, unitId: src.unit_id, reason: input.note, details: { outageId: id } });
    return { outageId: id };
  });
}
