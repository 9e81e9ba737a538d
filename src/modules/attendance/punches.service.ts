import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { recordAudit, type AuditActor } from '../audit';
import { localDateOf } from '../../platform/time';
import { type ClockCorrection, correctDeviceTime } from './domain/clock';
import { claimDeviceEvidence, findDeviceEvidence, recordServerEvidenceOwner } from './punch-evidence';
import { enqueueDirty } from './dirty-queue';
import type { AuthenticatedSource } from './source-auth';

import { CLOCK_SKEW_TOLERANCE_MS, FUTURE_TOLERANCE_MS } from './domain/constants';

export { CLOCK_SKEW_TOLERANCE_MS, FUTURE_TOLERANCE_MS };
export { MAX_CLOCK_OFFSET_MS, recordHeartbeat } from './heartbeats.service';

/** Punches before this are not attendance data but a broken clock or a poison value (year 0000). */
const EARLIEST_PUNCH = Date.parse('2000-01-01T00:00:00Z');
/** A device may deliver what it buffered while offline for this long; older facts go through a manual punch. */
export const DEVICE_BACKLOG_DAYS = 31;

const instant = z
  .union([z.date(), z.string().datetime({ offset: true })])
  .transform((v) => (v instanceof Date ? v : new Date(v)))
  .refine((d) => !Number.isNaN(d.getTime()) && d.getTime() >= EARLIEST_PUNCH && d.getUTCFullYear() < 10_000, 'not a valid instant (year 2000 or later)');
/** NUL and other control characters cannot be stored in PostgreSQL text and have no place in an id. */
const eventId = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'control characters are not allowed');

export const punchInputSchema = z.strictObject({
  source: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/),
  sourceEventId: eventId,
  personId: z.string().uuid(),
  /** When it happened, as the source knows it. */
  at: instant,
  /** The device's own clock reading, when the source has one (used for skew correction). */
  deviceTime: instant.nullish(),
  /** When the server received it; defaults to now. Only server code in this process may set it (replays, tests). */
  receivedAt: instant.nullish(),
  direction: z.enum(['IN', 'OUT']).nullish(),
  confidence: z.number().min(0).max(1).nullish(),
  sourceKind: z.enum(['CAMERA', 'DEVICE', 'MOBILE', 'IMPORT']).nullish(),
  /** A key the server made itself (gate pipeline). Never from an HTTP client: devices reference an upload instead. */
  evidence: z.strictObject({ snapshotKey: z.string().max(512).optional(), sightingId: z.string().max(200).optional() }).nullish(),
  /** The user who confirmed a gate pass under review (`camera-review:*` punches), shown with the punch. Server only. */
  confirmedBy: z.string().uuid().nullish(),
});
export type PunchInput = z.input<typeof punchInputSchema>;

/**
 * Where a punch comes from, named in its audit row.
 * - `server`: code in this process (the gate-camera pipeline, the conformance runner, benches). Trusted with
 *   `receivedAt` and with evidence keys it stored itself; may name a source not registered yet (a camera's first
 *   punch registers `camera:<id>`), as before.
 * - `device`: an HTTP client authenticated by its source token. Only its own source, only persons of its unit
 *   subtree (`scopeUnits`), the server's clock as receipt time, a bounded backlog, evidence only by upload id.
 */
export type PunchOrigin =
  | { kind: 'server' }
  | { kind: 'device'; source: AuthenticatedSource; scopeUnits: ReadonlySet<string>; evidenceId?: string | null };

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

type ParsedPunch = z.output<typeof punchInputSchema>;

/** What a device may not do, checked before anything is written. */
function refuseDeviceOverreach(p: ParsedPunch, origin: Extract<PunchOrigin, { kind: 'device' }>): void {
  if (p.source !== origin.source.id)
    throw new AppError(403, 'SOURCE_MISMATCH', 'Thiết bị chỉ được gửi lượt chấm công của chính nó.', 'A device may only send punches of its own source.', {
      source: p.source,
      authenticatedAs: origin.source.id,
    });
  if (p.receivedAt || p.evidence || p.confirmedBy)
    throw invalid([{ path: p.receivedAt ? 'receivedAt' : p.evidence ? 'evidence' : 'confirmedBy', problem: 'set by the server, never by a client' }]);
}

function refuseOutOfScope(origin: PunchOrigin, personUnitId: string): void {
  if (origin.kind === 'device' && !origin.scopeUnits.has(personUnitId))
    throw new AppError(403, 'OUT_OF_SCOPE', 'Cán bộ không thuộc đơn vị mà thiết bị này phục vụ.', 'The person is outside the unit this device serves.');
}

/**
 * Stores one raw punch from any source (gate camera recognition, device, import). Idempotent on
 * (source, sourceEventId): the same event again is acknowledged as DUPLICATE and counted once; the same id with a
 * different content is refused. A punch for a day already closed queues that day for recomputation. Every accepted
 * punch leaves an audit row naming its origin, in the same transaction, so no route can forget it.
 */
export async function ingestPunch(db: Db, raw: PunchInput, opts: { now?: Date; origin?: PunchOrigin } = {}): Promise<IngestOutcome> {
  const parsed = punchInputSchema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ path: i.path.join('.'), problem: i.message })));
  const p = parsed.data;
  const origin = opts.origin ?? { kind: 'server' };
  if (origin.kind === 'device') refuseDeviceOverreach(p, origin);
  const now = opts.now ?? new Date();
  const receivedAt = p.receivedAt ?? now;

  return db.transaction(async (tx) => {
    const [person] = await tx.query<{ id: string; unit_id: string }>('SELECT id, unit_id FROM persons WHERE id = $1', [p.personId]);
    if (!person)
      throw new AppError(422, 'PERSON_UNKNOWN', 'Không tìm thấy cán bộ của lượt chấm công.', 'The punch names an unknown person.', {
        personId: p.personId,
      });
    refuseOutOfScope(origin, person.unit_id);
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
    if (origin.kind === 'device' && effectiveAt < receivedAt.getTime() - DEVICE_BACKLOG_DAYS * 86_400_000)
      throw new AppError(
        422,
        'PUNCH_TOO_OLD',
        `Lượt chấm công cũ hơn ${DEVICE_BACKLOG_DAYS} ngày: hãy dùng chấm công thủ công (có lý do và người duyệt).`,
        `The punch is older than ${DEVICE_BACKLOG_DAYS} days: use a manual punch (with a reason and an approver).`,
        { at: new Date(effectiveAt).toISOString(), maxBacklogDays: DEVICE_BACKLOG_DAYS },
      );
    if (origin.kind === 'server')
      await tx.query(`INSERT INTO punch_sources (id, kind, name) VALUES ($1, $2, $1) ON CONFLICT (id) DO NOTHING`, [p.source, p.sourceKind ?? 'DEVICE']);
    const evidenceId = origin.kind === 'device' ? (origin.evidenceId ?? null) : null;
    const evidenceKey = evidenceId ? await findDeviceEvidence(tx, evidenceId, p.source) : (p.evidence?.snapshotKey ?? null);
    const id = randomUUID();
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO punches (id, source_id, source_event_id, person_id, at, device_time, received_at, direction, confidence,
                            evidence_snapshot_key, evidence_sighting_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
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
        evidenceKey,
        p.evidence?.sightingId ?? null,
        p.confirmedBy ?? null,
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
    if (evidenceId && evidenceKey)
      await claimDeviceEvidence(tx, { evidenceId, key: evidenceKey, punchId: id, personId: p.personId, personUnitId: person.unit_id });
    else if (evidenceKey) await recordServerEvidenceOwner(tx, evidenceKey, p.personId, person.unit_id, p.source);
    await tx.query('UPDATE punch_sources SET last_event_at = GREATEST(last_event_at, $2) WHERE id = $1', [p.source, receivedAt]);
    if (localDate < localDateOf(now)) await enqueueDirty(tx, [{ personId: p.personId, date: localDate }]);
    const [src] = await tx.query<{ kind: string }>('SELECT kind FROM punch_sources WHERE id = $1', [p.source]);
    await recordAudit(tx, {
      actor: { id: null, name: `source:${p.source}` },
      action: 'attendance.punch_ingest',
      entityType: 'punch',
      entityId: id,
      unitId: person.unit_id,
      details: {
        origin: origin.kind,
        sourceId: p.source,
        sourceKind: src?.kind ?? null,
        sourceEventId: p.sourceEventId,
        personId: p.personId,
        at: p.at.toISOString(),
        effectiveAt: out.effectiveAt,
        receivedAt: receivedAt.toISOString(),
        ...(evidenceKey ? { evidenceKey } : {}),
        ...(evidenceId ? { evidenceId } : {}),
      },
    });
    return { status: 'ACCEPTED', punchId: id, ...out };
  });
}

export type BatchOutcome = IngestOutcome | { status: 'REJECTED'; code: string; message_vi: string; message_en: string; details?: unknown };

/**
 * PostgreSQL refused a value (class 22: data exception, e.g. an untranslatable character or a date out of range;
 * class 23: a constraint): the item is bad, not the database. Anything else (connection lost, timeout) is not the
 * item's fault and must fail the request so the device retries it.
 */
function isBadValueError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return !(e instanceof AppError) && typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}

/** One item's outcome: ACCEPTED, DUPLICATE or REJECTED with a code and a bilingual message; never a thrown bad item. */
export async function ingestOne(db: Db, item: PunchInput, opts: { now?: Date; origin?: PunchOrigin } = {}): Promise<BatchOutcome> {
  try {
    return await ingestPunch(db, item, opts);
  } catch (e) {
    // A 5xx AppError (503: the database is unavailable) is not the item's fault either: the request fails, the device retries.
    if (e instanceof AppError && e.status < 500) return { status: 'REJECTED', code: e.code, message_vi: e.messageVi, message_en: e.messageEn, details: e.details };
    if (isBadValueError(e))
      return { status: 'REJECTED', code: 'PUNCH_INVALID', message_vi: 'Dữ liệu lượt chấm công không hợp lệ.', message_en: 'The punch data is invalid.' };
    throw e;
  }
}

/**
 * Batch ingestion (device uploads, imports): each item is validated and committed in its own transaction and gets
 * its own outcome; a bad item never sinks the batch nor the items after it.
 */
export async function ingestPunches(db: Db, items: readonly PunchInput[], opts: { now?: Date; origin?: PunchOrigin } = {}): Promise<BatchOutcome[]> {
  const out: BatchOutcome[] = [];
  for (const item of items) out.push(await ingestOne(db, item, opts));
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

/**
 * An outage reported by hand, possibly in the past: bounded (at most 62 days) and clipped to the unit's attendance
 * go-live before its days are queued for recomputation (issue 11, F4). Implemented in outage-report.ts.
 */
export { reportOutage, type OutageReport } from './outage-report';
