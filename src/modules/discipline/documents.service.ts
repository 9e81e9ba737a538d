/**
 * Files of a case in the blob store: generated documents (DOCX) and uploads (bản tự kiểm điểm, evidence for a
 * suspension). Each file gets an owner (the case's unit and person) and a SHA-256 in the same transaction as its row;
 * files stored by a transaction that then fails are deleted again.
 */
import { createHash, randomUUID } from 'node:crypto';
import { blobCreator, recordBlobOwner } from '../../platform/blob-owners/blob-owners';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import type { AuditActor } from '../audit';
import type { CaseRow } from './cases.repo';
import type { DocumentKind } from './domain/documents';
import { insertDocument } from './records.repo';

/** blob_owners.kind of every file of a discipline case. */
export const DISCIPLINE_DOCUMENT_KIND = 'discipline_document';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';


export interface NewFile {
  kind: DocumentKind;
  fileName: string;
  contentType: string;
  data: Buffer;
  generated: boolean;
}

/** Collects the keys a unit of work stored, to delete them if it fails. */
export class StoredFiles {
  readonly keys: string[] = [];
  constructor(private readonly blobs: BlobStore) {}

  async store(tx: Db, c: Pick<CaseRow, 'id' | 'unit_id' | 'person_id'>, f: NewFile, actor: AuditActor, at: Date): Promise<{ id: string; sha256: string }> {
    const id = randomUUID();
    const key = `discipline/${c.id}/${id}`;
    const sha256 = createHash('sha256').update(f.data).digest('hex');
    this.keys.push(key);
    await this.blobs.put(key, f.data, f.contentType);
    await recordBlobOwner(tx, { key, kind: DISCIPLINE_DOCUMENT_KIND, unitId: c.unit_id, personId: c.person_id, createdBy: blobCreator(actor) });
    await insertDocument(tx, {
      id,
      case_id: c.id,
      kind: f.kind,
      file_name: f.fileName,
      content_type: f.contentType,
      size_bytes: f.data.length,
      sha256,
      blob_key: key,
      generated: f.generated,
      created_by: actor.id ?? null,
      created_at: at,
    });
    return { id, sha256 };
  }

  async discard(): Promise<void> {
    for (const k of this.keys) await this.blobs.delete(k).catch(() => undefined);
  }
}

/** Runs `work` in a transaction; the files it stored are deleted when it fails. */
export async function withFiles<T>(deps: { db: Db; blobs: BlobStore }, work: (tx: Db, files: StoredFiles) => Promise<T>): Promise<T> {
  const files = new StoredFiles(deps.blobs);
  try {
    return await deps.db.transaction((tx) => work(tx, files));
  } catch (err) {
    await files.discard();
    throw err;
  }
}
