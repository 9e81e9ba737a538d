import { z } from 'zod';
import { ZPageOf } from '../../platform/http/schemas';
import type { PersonHistoryRow, StaffImportRow } from './people.repo';
import { ASSIGNMENT_KINDS, CATEGORIES, GENDERS, type PersonRow, STATUSES } from './people.types';
import type { ImportProgress } from './staff-import';

/** A staff member (cán bộ, công chức, viên chức, contract worker). Dates are YYYY-MM-DD. */
export const ZPerson = z
  .object({
    id: z.guid(),
    employeeCode: z.string(),
    fullName: z.string(),
    gender: z.enum(GENDERS).nullable(),
    birthDate: z.string().nullable(),
    category: z.enum(CATEGORIES),
    positionTitle: z.string().nullable(),
    unitId: z.guid(),
    unitName: z.string().nullable(),
    status: z.enum(STATUSES),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    joinedOn: z.string().nullable(),
    leftOn: z.string().nullable(),
    version: z.number().int().describe('Send back when changing the record (optimistic concurrency)'),
  })
  .meta({ id: 'Person' });

export function staffDto(p: PersonRow): z.output<typeof ZPerson> {
  return {
    id: p.id,
    employeeCode: p.employee_code,
    fullName: p.full_name,
    // The column's CHECK constraint holds it to these values.
    gender: p.gender as z.output<typeof ZPerson>['gender'],
    birthDate: p.birth_date,
    category: p.category,
    positionTitle: p.position_title,
    unitId: p.unit_id,
    unitName: p.unit_name ?? null,
    status: p.status,
    email: p.email,
    phone: p.phone,
    joinedOn: p.joined_on,
    leftOn: p.left_on,
    version: p.version,
  };
}

export const ZPersonPage = ZPageOf(ZPerson);

/** One period of a staff member in a unit (appointment, secondment, transfer …); validTo is exclusive. */
export const ZPersonAssignment = z
  .object({
    unitId: z.guid(),
    unitName: z.string(),
    positionTitle: z.string().nullable(),
    assignmentKind: z.enum(ASSIGNMENT_KINDS),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    legalBasis: z.string().nullable(),
  })
  .meta({ id: 'PersonAssignment' });

export function personAssignmentDto(h: PersonHistoryRow): z.output<typeof ZPersonAssignment> {
  return {
    unitId: h.unit_id,
    unitName: h.unit_name,
    positionTitle: h.position_title,
    // The column's CHECK constraint holds it to these values.
    assignmentKind: h.assignment_kind as z.output<typeof ZPersonAssignment>['assignmentKind'],
    validFrom: h.valid_from,
    validTo: h.valid_to,
    legalBasis: h.legal_basis,
  };
}

export const ZPersonDetail = ZPerson.extend({
  history: z.array(ZPersonAssignment),
  account: z.object({ userId: z.guid(), username: z.string() }).nullable().describe('The user account linked to the record'),
}).meta({ id: 'PersonDetail' });

/** A staff import run: polled while RUNNING; the error report (rejected rows) is downloadable when hasReport. */
export const ZStaffImport = z
  .object({
    id: z.guid(),
    fileName: z.string(),
    status: z.enum(['RUNNING', 'DONE', 'FAILED']),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    phase: z.enum(['reading', 'writing', 'done', 'failed']),
    insertedRows: z.number().int(),
    updatedRows: z.number().int(),
    rejectedRows: z.number().int(),
    hasReport: z.boolean(),
    error: z.string().nullable(),
    startedAt: z.date(),
    finishedAt: z.date().nullable(),
  })
  .meta({ id: 'StaffImport' });

/** The stored run, with the live counts of this process while it is still running here. */
export function staffImportDto(r: StaffImportRow, live: ImportProgress | undefined): z.output<typeof ZStaffImport> {
  return {
    id: r.id,
    fileName: r.file_name,
    status: r.status,
    totalRows: live && r.status === 'RUNNING' ? live.totalRows : r.total_rows,
    processedRows: live && r.status === 'RUNNING' ? live.processedRows : r.total_rows,
    phase: live?.phase ?? (r.status === 'DONE' ? 'done' : 'failed'),
    insertedRows: r.inserted_rows,
    updatedRows: r.updated_rows,
    rejectedRows: r.rejected_rows,
    hasReport: !!r.report_key,
    error: r.error,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}
