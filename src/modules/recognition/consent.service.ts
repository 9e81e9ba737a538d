import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { type AuditActor, recordAudit } from '../audit';
import { deleteTemplatesOf } from './templates.repo';

export const consentInputSchema = z.strictObject({
  personId: z.string().uuid(),
  decision: z.enum(['GIVEN', 'REFUSED', 'WITHDRAWN']),
  noticeVersion: z.string().trim().min(1).max(50),
  method: z.enum(['SIGNED_FORM', 'DIGITAL_CONFIRMATION', 'RECORDED_STATEMENT']),
  evidenceNote: z.string().max(1000).optional(),
});
export type ConsentInput = z.infer<typeof consentInputSchema>;

export interface ConsentState {
  personId: string;
  decision: 'GIVEN' | 'REFUSED' | 'WITHDRAWN' | 'NONE';
  noticeVersion: string | null;
  recordedAt: Date | null;
  recordedBy: string | null;
}

export async function currentConsent(db: Db, personId: string): Promise<ConsentState> {
  const rows = await db.query<{ decision: ConsentState['decision']; notice_version: string; recorded_at: Date; recorded_by_name: string }>(
    'SELECT decision, notice_version, recorded_at, recorded_by_name FROM biometric_consents WHERE person_id = $1 ORDER BY recorded_at DESC, id LIMIT 1',
    [personId],
  );
  const r = rows[0];
  return r
    ? { personId, decision: r.decision, noticeVersion: r.notice_version, recordedAt: r.recorded_at, recordedBy: r.recorded_by_name }
    : { personId, decision: 'NONE', noticeVersion: null, recordedAt: null, recordedBy: null };
}

/**
 * Records an explicit consent decision (domain.md §9.2: voluntary, informed, verifiable; silence is not consent).
 * Refusing or withdrawing deletes the person's templates in the same transaction; the person then uses a
 * non-biometric method (card, PIN, manual sign-in), which the attendance module accepts as any other source.
 */
export async function recordConsent(db: Db, actor: AuditActor, raw: unknown, now: Date): Promise<{ id: string; templatesDeleted: number }> {
  const parsed = consentInputSchema.safeParse(raw);
  if (!parsed.success) {
    throw errors.badRequest('CONSENT_INVALID', 'Thông tin đồng ý không hợp lệ.', 'The consent record is invalid.', parsed.error.issues);
  }
  const input = parsed.data;
  return db.transaction(async (tx) => {
    const person = await tx.query<{ unit_id: string; status: string }>('SELECT unit_id, status FROM persons WHERE id = $1', [input.personId]);
    const p = person[0];
    if (!p) throw errors.notFound('Person', 'cán bộ');
    if (input.decision === 'GIVEN' && p.status === 'LEFT') {
      throw new AppError(409, 'PERSON_LEFT', 'Người này đã nghỉ việc, không thể ghi nhận đồng ý sinh trắc học.', 'This person has left; biometric consent cannot be recorded.');
    }
    const id = randomUUID();
    await tx.query(
      `INSERT INTO biometric_consents (id, person_id, decision, notice_version, method, evidence_note, recorded_by, recorded_by_name, recorded_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [id, input.personId, input.decision, input.noticeVersion, input.method, input.evidenceNote ?? null, actor.id ?? null, actor.name, now],
    );
    const templatesDeleted = input.decision === 'GIVEN' ? 0 : await deleteTemplatesOf(tx, input.personId);
    await recordAudit(tx, {
      actor,
      action: `faces.consent_${input.decision.toLowerCase()}`,
      entityType: 'person',
      entityId: input.personId,
      unitId: p.unit_id,
      details: { noticeVersion: input.noticeVersion, method: input.method, templatesDeleted },
    }, now);
    return { id, templatesDeleted };
  });
}

/** Deletes the templates of everyone who has left (domain.md §9.2 item 3: employee data deleted when the contract ends). */
export async function purgeTemplatesOfLeavers(db: Db, actor: AuditActor, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ person_id: string; unit_id: string }>(
      `DELETE FROM face_templates t USING persons p WHERE p.id = t.person_id AND p.status = 'LEFT'
       RETURNING t.person_id, p.unit_id`,
    );
    const persons = new Map(rows.map((r) => [r.person_id, r.unit_id]));
    for (const [personId, unitId] of persons) {
      await recordAudit(tx, { actor, action: 'faces.templates_purged', entityType: 'person', entityId: personId, unitId, reason: 'LEFT' }, now);
    }
    return rows.length;
  });
}
