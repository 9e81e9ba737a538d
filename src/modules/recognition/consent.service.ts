import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, errors } from '../../platform/errors';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import { type AuditActor, recordAudit } from '../audit';
import { deleteErasedPhotos, erasePhotosOf } from './re-embed.photos';
import { deleteLearnedTemplatesOf, deleteTemplatesOf } from './templates.repo';

export const consentInputSchema = z.strictObject({
  personId: z.string().uuid(),
  decision: z.enum(['GIVEN', 'REFUSED', 'WITHDRAWN']),
  noticeVersion: z.string().trim().min(1).max(50),
  method: z.enum(['SIGNED_FORM', 'DIGITAL_CONFIRMATION', 'RECORDED_STATEMENT']),
  evidenceNote: z.string().max(1000).optional(),
  /**
   * A separate purpose (Luật 91/2025: consent is given for each purpose): also keep templates learned from this
   * person's everyday gate passes so recognition follows how they look at the gate (issue 14). Absent = no: silence
   * is not consent. Only meaningful with GIVEN.
   */
  gateLearning: z.boolean().optional().describe('Also consents to learning templates from gate passes (a separate purpose; default false)'),
});
export type ConsentInput = z.infer<typeof consentInputSchema>;

export interface ConsentState {
  personId: string;
  decision: 'GIVEN' | 'REFUSED' | 'WITHDRAWN' | 'NONE';
  noticeVersion: string | null;
  recordedAt: Date | null;
  recordedBy: string | null;
  /** The latest decision is GIVEN and also covers learning templates from gate passes. */
  gateLearning: boolean;
}

export async function currentConsent(db: Db, personId: string): Promise<ConsentState> {
  const rows = await db.query<{ decision: ConsentState['decision']; notice_version: string; recorded_at: Date; recorded_by_name: string; gate_learning: boolean }>(
    'SELECT decision, notice_version, recorded_at, recorded_by_name, gate_learning FROM biometric_consents WHERE person_id = $1 ORDER BY recorded_at DESC, id LIMIT 1',
    [personId],
  );
  const r = rows[0];
  return r
    ? { personId, decision: r.decision, noticeVersion: r.notice_version, recordedAt: r.recorded_at, recordedBy: r.recorded_by_name, gateLearning: r.decision === 'GIVEN' && r.gate_learning }
    : { personId, decision: 'NONE', noticeVersion: null, recordedAt: null, recordedBy: null, gateLearning: false };
}

/** Of `personIds`, those whose latest consent is GIVEN with gate learning, and who still work here (the learning job). */
export async function personsConsentingToGateLearning(db: Db, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db.query<{ person_id: string }>(
    `SELECT c.person_id FROM (
       SELECT DISTINCT ON (person_id) person_id, decision, gate_learning FROM biometric_consents
        WHERE person_id = ANY($1::uuid[]) ORDER BY person_id, recorded_at DESC, id
     ) c JOIN persons p ON p.id = c.person_id
      WHERE c.decision = 'GIVEN' AND c.gate_learning AND p.status <> 'LEFT'`,
    [personIds],
  );
  return new Set(rows.map((r) => r.person_id));
}

/**
 * Records an explicit consent decision (domain.md §9.2: voluntary, informed, verifiable; silence is not consent).
 * Refusing or withdrawing deletes the person's templates and stored enrollment photos in the same transaction (the
 * photos' files at once when `blobs` is given, else by the learning job's next sweep); the person then uses a
 * non-biometric method (card, PIN, manual sign-in), which the attendance module accepts as any other source.
 * A GIVEN decision without gate learning deletes the templates learned from gate passes (the purpose is no longer
 * covered), keeping the enrollment ones.
 */
export async function recordConsent(db: Db, actor: AuditActor, raw: unknown, now: Date, blobs?: BlobStore): Promise<{ id: string; templatesDeleted: number }> {
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
    const gateLearning = input.decision === 'GIVEN' && input.gateLearning === true;
    await tx.query(
      `INSERT INTO biometric_consents (id, person_id, decision, notice_version, method, evidence_note, recorded_by, recorded_by_name, recorded_at, gate_learning)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [id, input.personId, input.decision, input.noticeVersion, input.method, input.evidenceNote ?? null, actor.id ?? null, actor.name, now, gateLearning],
    );
    const templatesDeleted =
      input.decision !== 'GIVEN' ? await deleteTemplatesOf(tx, input.personId) : gateLearning ? 0 : await deleteLearnedTemplatesOf(tx, input.personId);
    const photosErased = input.decision === 'GIVEN' ? 0 : await erasePhotosOf(tx, input.personId, now);
    await recordAudit(tx, {
      actor,
      action: `faces.consent_${input.decision.toLowerCase()}`,
      entityType: 'person',
      entityId: input.personId,
      unitId: p.unit_id,
      details: { noticeVersion: input.noticeVersion, method: input.method, gateLearning, templatesDeleted, photosErased },
    }, now);
    return { id, templatesDeleted };
  }).then(async (out) => {
    // Files cannot join the transaction: they go once it committed (a failure leaves them to the next sweep).
    if (blobs) await deleteErasedPhotos(db, blobs, input.personId).catch(() => undefined);
    return out;
  });
}

export interface LeaversPurge {
  /** People who had templates or stored photos left. */
  persons: number;
  templates: number;
  photos: number;
}

/**
 * Deletes the templates of everyone who has left and marks their stored enrollment photos erased (domain.md §9.2
 * item 3: employee data deleted when the contract ends), one audit entry per person, in one transaction. Photos are
 * erased even for a person with no template left (every photo rejected, or templates deleted earlier); the files go
 * with deleteErasedPhotos (the daily job calls it right after). Run daily by the recognition module.
 */
export async function purgeTemplatesOfLeavers(db: Db, actor: AuditActor, now: Date): Promise<LeaversPurge> {
  return db.transaction(async (tx) => {
    const templates = await tx.query<{ person_id: string; unit_id: string }>(
      `DELETE FROM face_templates t USING persons p WHERE p.id = t.person_id AND p.status = 'LEFT'
       RETURNING t.person_id, p.unit_id`,
    );
    const photos = await tx.query<{ person_id: string; unit_id: string }>(
      `UPDATE face_enrollment_photos f SET erased_at = $1 FROM persons p
        WHERE p.id = f.person_id AND p.status = 'LEFT' AND f.erased_at IS NULL
       RETURNING f.person_id, p.unit_id`,
      [now],
    );
    const persons = new Map<string, { unitId: string; templates: number; photos: number }>();
    const count = (r: { person_id: string; unit_id: string }, what: 'templates' | 'photos') => {
      const p = persons.get(r.person_id) ?? { unitId: r.unit_id, templates: 0, photos: 0 };
      p[what]++;
      persons.set(r.person_id, p);
    };
    for (const r of templates) count(r, 'templates');
    for (const r of photos) count(r, 'photos');
    for (const [personId, p] of persons) {
      await recordAudit(tx, {
        actor,
        action: 'faces.templates_purged',
        entityType: 'person',
        entityId: personId,
        unitId: p.unitId,
        reason: 'LEFT',
        details: { templates: p.templates, photosErased: p.photos },
      }, now);
    }
    return { persons: persons.size, templates: templates.length, photos: photos.length };
  });
}
