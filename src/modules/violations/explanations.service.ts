import { createHash, randomUUID } from 'node:crypto';
import { BLOB_KINDS, blobCreator, recordBlobOwner } from '../../platform/blob-owners/blob-owners';
import { errors } from '../../platform/errors';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import type { AuditActor } from '../audit';
import { formatDateVi, localDateOf } from '../../platform/time';
import { violationTemplates as templates } from './notice-templates';
import { notify } from '../notifications';
import { unitHeads } from '../notifications';
import { deciders } from './notices';
import { KIND_LABELS } from './domain/labels';
import { violationLink } from './notices';
import { getViolation, personInfo } from './violations.repo';
import { applyTransition } from './workflow.service';
import { getCase, insertExplanation, insertExplanationFile } from './workflow.repo';

export interface UploadedFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

/** Evidence a person may attach to an explanation: documents and photos (leave papers, medical certificates…). */
export const ALLOWED_TYPES = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
]);
export const MAX_FILES = 5;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

function checkFiles(files: UploadedFile[]): void {
  if (files.length > MAX_FILES)
    throw errors.badRequest('TOO_MANY_FILES', `Chỉ được đính kèm tối đa ${MAX_FILES} tệp.`, `At most ${MAX_FILES} files may be attached.`);
  for (const f of files) {
    if (!ALLOWED_TYPES.has(f.contentType))
      throw errors.badRequest('FILE_TYPE_NOT_ALLOWED', `Loại tệp không được chấp nhận: ${f.fileName}.`, `File type not accepted: ${f.fileName}.`, {
        contentType: f.contentType,
      });
    if (f.data.length === 0 || f.data.length > MAX_FILE_BYTES)
      throw errors.badRequest('FILE_SIZE', `Tệp ${f.fileName} rỗng hoặc lớn hơn 5 MB.`, `File ${f.fileName} is empty or larger than 5 MB.`);
  }
}

function notRequested(state: string | undefined) {
  return errors.conflict('EXPLANATION_NOT_REQUESTED', 'Vi phạm này hiện không chờ giải trình.', 'No explanation is requested for this violation.', { state });
}

/** The state checks of an explanation, before any file is stored and again inside the writing transaction. */
async function requireExplainable(db: Db, violationId: string, personId: string, now: Date, lock: boolean) {
  const v = await getViolation(db, violationId, lock);
  if (!v) throw errors.notFound('Violation', 'vi phạm');
  if (v.person_id !== personId) throw errors.forbidden();
  const c = await getCase(db, v.id, lock);
  if (c?.state !== 'EXPLANATION_REQUESTED') throw notRequested(c?.state);
  if (c.explanation_due_at && c.explanation_due_at < now)
    throw errors.conflict('EXPLANATION_DEADLINE_PASSED', 'Đã quá hạn giải trình.', 'The explanation deadline has passed.', {
      dueAt: c.explanation_due_at,
    });
  return v;
}

/**
 * Giải trình: the person explains, within the deadline, with attachments. Files, state and permission are checked
 * first, so a refused explanation stores nothing; the files are then stored (blob stores are not transactional) and
 * the explanation, its files and their owners (the violation's unit and person) are written in one transaction,
 * which checks the state again. If that transaction fails, the files just stored are deleted.
 */
export async function submitExplanation(
  db: Db,
  blobs: BlobStore,
  input: { violationId: string; personId: string; body: string; files: UploadedFile[] },
  actor: AuditActor,
  now: Date,
): Promise<{ explanationId: string }> {
  checkFiles(input.files);
  await requireExplainable(db, input.violationId, input.personId, now, false);
  const explanationId = randomUUID();
  const stored: Array<{ id: string; key: string; sha256: string; f: UploadedFile }> = [];
  try {
    for (const f of input.files) {
      const id = randomUUID();
      const key = `explanations/${input.violationId}/${id}`;
      stored.push({ id, key, sha256: createHash('sha256').update(f.data).digest('hex'), f });
      await blobs.put(key, f.data, f.contentType);
    }
    await writeExplanation(db, { ...input, explanationId, stored }, actor, now);
  } catch (err) {
    for (const s of stored) await blobs.delete(s.key).catch(() => undefined);
    throw err;
  }
  return { explanationId };
}

async function writeExplanation(
  db: Db,
  input: { violationId: string; personId: string; body: string; explanationId: string; stored: Array<{ id: string; key: string; sha256: string; f: UploadedFile }> },
  actor: AuditActor,
  now: Date,
): Promise<void> {
  const { explanationId, stored } = input;
  await db.transaction(async (tx) => {
    const v = await requireExplainable(tx, input.violationId, input.personId, now, true);
    await insertExplanation(tx, { id: explanationId, violation_id: v.id, person_id: v.person_id, body: input.body, submitted_by: actor.id ?? null, submitted_at: now });
    for (const s of stored) {
      await insertExplanationFile(tx, {
        id: s.id,
        explanation_id: explanationId,
        file_name: s.f.fileName,
        content_type: s.f.contentType,
        size_bytes: s.f.data.length,
        sha256: s.sha256,
        blob_key: s.key,
      });
      await recordBlobOwner(tx, { key: s.key, kind: BLOB_KINDS.explanationAttachment, unitId: v.unit_id, personId: v.person_id, createdBy: blobCreator(actor) });
    }
    await applyTransition(tx, v, 'explain', actor, now, {
      details: { explanationId, files: stored.map((s) => ({ name: s.f.fileName, sha256: s.sha256 })) },
    });
    const p = await personInfo(tx, v.person_id);
    const today = localDateOf(now);
    const leaders = [...(await deciders(tx, v.unit_id, today)), ...(v.notify_unit_head ? await unitHeads(tx, v.unit_id, today) : [])];
    await notify(
      tx,
      {
        template: 'explanation_submitted',
        rendered: templates.explanation_submitted({
          personName: p?.full_name ?? '',
          kindLabel: KIND_LABELS[v.kind].vi,
          dateLabel: formatDateVi(v.occurred_on),
          excerpt: input.body.length > 300 ? `${input.body.slice(0, 300)}…` : input.body,
          link: violationLink(v.id),
        }),
        recipients: leaders,
        entityType: 'violation',
        entityId: v.id,
        dedupKey: `explained:${explanationId}`,
      },
      now,
    );
  });
}
