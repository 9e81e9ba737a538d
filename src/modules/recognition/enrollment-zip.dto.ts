import { z } from 'zod';
import { multipartBody, ZBinary } from '../../platform/http/schemas';
import type { ZipImportLimits } from './enrollment-zip.service';

/** Response contract of the bulk enrollment routes (enrollment-zip.routes.ts); fields as in enrollment-zip.repo.ts. */

export const ZEnrollmentZipImportAccepted = z
  .object({
    id: z.guid().describe('The import job: poll GET /api/recognition/imports/{id}'),
    totalFiles: z.number().int().describe('Photos considered (folders and operating-system files are left out)'),
  })
  .meta({ id: 'EnrollmentZipImportAccepted' });

export const ZEnrollmentZipImportFile = z
  .object({
    seq: z.number().int().describe("Position in the zip's central directory"),
    file: z.string(),
    employeeCode: z.string().nullable().describe('The code read from the file name'),
    personId: z.guid().nullable(),
    fullName: z.string().nullable().describe("The person's current name"),
    outcome: z.enum(['ENROLLED', 'REJECTED']),
    code: z.string().nullable().describe('Why the photo was not enrolled'),
    message_vi: z.string().nullable(),
    message_en: z.string().nullable(),
    templates: z.number().int(),
  })
  .meta({ id: 'EnrollmentZipImportFile' });

export const ZEnrollmentZipImport = z
  .object({
    id: z.guid(),
    fileName: z.string(),
    status: z.enum(['QUEUED', 'RUNNING', 'DONE', 'FAILED']),
    requestedByName: z.string(),
    totalFiles: z.number().int(),
    processedFiles: z.number().int(),
    enrolledFiles: z.number().int(),
    rejectedFiles: z.number().int(),
    templatesCreated: z.number().int(),
    engine: z.string().nullable(),
    errorCode: z.string().nullable().describe('Why the job stopped early: INTERRUPTED, ENGINE_UNAVAILABLE, INTERNAL'),
    createdAt: z.date(),
    startedAt: z.date().nullable(),
    finishedAt: z.date().nullable(),
    files: z.array(ZEnrollmentZipImportFile).nullable().describe('The per-file report once the job has ended (DONE or FAILED); null before'),
  })
  .meta({ id: 'EnrollmentZipImport' });

export const ZEnrollmentZipReport = ZBinary.describe(
  'The per-file report as an Excel workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet), sent as an attachment.',
);

const MB = 1024 * 1024;

/** The zip upload as the handler reads it (one file part, no other field; limits from zipImportLimits()). */
export function zipUploadBody(limits: ZipImportLimits) {
  return multipartBody({
    file: {
      type: 'file',
      description:
        `One .zip archive (application/zip) of JPEG, PNG or WebP photos named by employee code (CB0012.jpg, CB0012_2.jpg, ` +
        `CB0012 (2).jpg); the first file part is taken ("file" by convention) and no other field is accepted. At most ` +
        `${Math.round(limits.maxBytes / MB)} MB (KC_FACE_IMPORT_MAX_MB), ${limits.maxEntries} entries (KC_FACE_IMPORT_MAX_FILES), ` +
        `${Math.round(limits.maxUncompressedBytes / MB)} MB once unzipped (KC_FACE_IMPORT_MAX_UNZIPPED_MB) and ` +
        `${Math.round(limits.maxEntryBytes / MB)} MB per photo; not encrypted, stored or Deflate compression.`,
      required: true,
    },
  });
}
