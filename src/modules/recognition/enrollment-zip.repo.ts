import type { Db } from '../../platform/ports/db';

export interface ZipImportView {
  id: string;
  fileName: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  requestedBy: string | null;
  requestedByName: string;
  totalFiles: number;
  processedFiles: number;
  enrolledFiles: number;
  rejectedFiles: number;
  templatesCreated: number;
  engine: string | null;
  errorCode: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface ZipImportFileView {
  seq: number;
  file: string;
  employeeCode: string | null;
  personId: string | null;
  fullName: string | null;
  outcome: 'ENROLLED' | 'REJECTED';
  code: string | null;
  message_vi: string | null;
  message_en: string | null;
  templates: number;
}

export async function getZipImport(db: Db, id: string): Promise<ZipImportView | undefined> {
  const r = (
    await db.query<{
      id: string;
      file_name: string;
      status: ZipImportView['status'];
      requested_by: string | null;
      requested_by_name: string;
      total_files: number;
      processed_files: number;
      enrolled_files: number;
      rejected_files: number;
      templates_created: number;
      engine: string | null;
      error_code: string | null;
      created_at: Date;
      started_at: Date | null;
      finished_at: Date | null;
    }>('SELECT * FROM face_imports WHERE id = $1', [id])
  )[0];
  if (!r) return undefined;
  return {
    id: r.id,
    fileName: r.file_name,
    status: r.status,
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name,
    totalFiles: r.total_files,
    processedFiles: r.processed_files,
    enrolledFiles: r.enrolled_files,
    rejectedFiles: r.rejected_files,
    templatesCreated: r.templates_created,
    engine: r.engine,
    errorCode: r.error_code,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

/** The per-file report in the zip's order, with the person's current name. */
export async function listZipImportFiles(db: Db, id: string): Promise<ZipImportFileView[]> {
  const rows = await db.query<{
    seq: number;
    file_name: string;
    employee_code: string | null;
    person_id: string | null;
    full_name: string | null;
    outcome: 'ENROLLED' | 'REJECTED';
    reason_code: string | null;
    message_vi: string | null;
    message_en: string | null;
    templates: number;
  }>(
    `SELECT f.seq, f.file_name, f.employee_code, f.person_id, p.full_name, f.outcome, f.reason_code, f.message_vi, f.message_en, f.templates
       FROM face_import_files f LEFT JOIN persons p ON p.id = f.person_id
      WHERE f.import_id = $1 ORDER BY f.seq`,
    [id],
  );
  return rows.map((r) => ({
    seq: r.seq,
    file: r.file_name,
    employeeCode: r.employee_code,
    personId: r.person_id,
    fullName: r.full_name,
    outcome: r.outcome,
    code: r.reason_code,
    message_vi: r.message_vi,
    message_en: r.message_en,
    templates: r.templates,
  }));
}
