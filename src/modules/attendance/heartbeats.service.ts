import { randomUUID } from 'node:crypto';
import { AppError, errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { type AuditActor, recordAudit } from '../audit';
import { estimateClockOffset } from './domain/clock';
import { CLOCK_SKEW_TOLERANCE_MS } from './domain/constants';

/**
 * A device clock further off than this is broken, not skewed: its heartbeat is refused (F6), so no clock
 * correction can ever move punches by more than a day.
 */
export const MAX_CLOCK_OFFSET_MS = 24 * 3_600_000;

export interface HeartbeatInput {
  source: string;
  deviceTime?: Date | null;
  receivedAt?: Date;
  /** Who sends it: the source itself (default) or a signed-in manager. */
  actor?: AuditActor;
  /** Audit this heartbeat itself (a person sending one by hand); a device's own heartbeats are too many to audit. */
  auditHeartbeat?: boolean;
}

/**
 * A source says it is alive, with its own clock reading. Closes an open heartbeat outage, and keeps the source's
 * clock correction in line with the median offset of its recent heartbeats. Only known sources: a heartbeat never
 * creates one (404). Every correction opened or closed is audited.
 */
export async function recordHeartbeat(db: Db, input: HeartbeatInput): Promise<{ offsetMs: number | null; correctionOpened: boolean }> {
  const receivedAt = input.receivedAt ?? new Date();
  if (input.deviceTime && Math.abs(input.deviceTime.getTime() - receivedAt.getTime()) > MAX_CLOCK_OFFSET_MS)
    throw new AppError(
      422,
      'CLOCK_OFFSET_TOO_LARGE',
      'Đồng hồ thiết bị lệch quá 24 giờ so với máy chủ: hãy chỉnh lại đồng hồ thiết bị, hệ thống không tự bù mức lệch này.',
      'The device clock is more than 24 hours off the server clock: set the device clock; the system does not correct this much.',
      { deviceTime: input.deviceTime.toISOString(), receivedAt: receivedAt.toISOString(), maxOffsetHours: MAX_CLOCK_OFFSET_MS / 3_600_000 },
    );
  const actor = input.actor ?? { id: null, name: `source:${input.source}` };
  return db.transaction(async (tx) => {
    const [src] = await tx.query<{ unit_id: string | null }>('SELECT unit_id FROM punch_sources WHERE id = $1 FOR UPDATE', [input.source]);
    if (!src) throw errors.notFound('Punch source', 'nguồn chấm công');
    const audit = (action: string, details: Record<string, unknown>) =>
      recordAudit(tx, { actor, action, entityType: 'punch_source', entityId: input.source, unitId: src.unit_id, details });
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
    if (input.auditHeartbeat)
      await audit('attendance.source_heartbeat', { receivedAt: receivedAt.toISOString(), deviceTime: input.deviceTime?.toISOString() ?? null });
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
    if (open) {
      await tx.query('UPDATE source_clock_corrections SET valid_to = $2 WHERE id = $1', [open.id, since]);
      await audit('attendance.clock_correction_close', { correctionId: open.id, offsetMs: open.offset_ms, validTo: since.toISOString() });
    }
    if (needed) {
      const id = randomUUID();
      await tx.query(
        `INSERT INTO source_clock_corrections (id, source_id, valid_from, offset_ms, detected_by, note) VALUES ($1, $2, $3, $4, 'HEARTBEAT', $5)`,
        [id, input.source, since, offset, `median offset of ${samples.length} heartbeats`],
      );
      await audit('attendance.clock_correction_open', { correctionId: id, offsetMs: offset, validFrom: since.toISOString(), samples: samples.length });
    }
    return { offsetMs: offset, correctionOpened: needed };
  });
}
