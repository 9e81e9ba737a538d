import { createHash, randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { BLOB_KINDS, blobCreator, recordBlobOwner } from '../../platform/blob-owners/blob-owners';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import { errors } from '../../platform/errors';
import { searchKey } from '../../platform/http/schemas';
import { type AuditActor, recordAudit } from '../audit/audit.service';
import { mapHeader, type RowProblem, type StaffColumnKey, type StaffRowValue, validateStaffRow } from './domain/staff-row';
import { writeErrorReport } from './staff-xlsx';

export interface ImportProgress {
  id: string;
  phase: 'reading' | 'writing' | 'done' | 'failed';
  totalRows: number;
  processedRows: number;
}

export interface RejectedRow {
  rowNumber: number;
  raw: Partial<Record<StaffColumnKey, unknown>>;
  problems: RowProblem[];
}

export interface ImportResult {
  id: string;
  totalRows: number;
  insertedRows: number;
  updatedRows: number;
  rejected: RejectedRow[];
}

const BATCH = 1000;
/** Live progress of running imports, polled by the UI; the database row holds the final outcome. */
export const importProgress = new Map<string, ImportProgress>();

/**
 * Reads every data row of the first worksheet. Deliberately not exceljs's streaming WorkbookReader: it decodes
 * XML chunks without a UTF-8 decoder and corrupts multi-byte characters at chunk boundaries ("Công ch��c",
 * exceljs issues #2063/#2084), which would silently damage Vietnamese names. The DOM reader is correct; its memory
 * cost is measured in bench/staff-import.bench.ts.
 */
async function readRows(file: Buffer, onRow: () => void) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'mergeCells'] } as never);
  } catch {
    throw errors.badRequest('IMPORT_NOT_XLSX', 'Tệp không phải là bảng tính Excel (.xlsx) hợp lệ.', 'The file is not a valid Excel workbook (.xlsx).');
  }
  const sheet = wb.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw errors.badRequest('IMPORT_EMPTY', 'Tệp không có dữ liệu.', 'The file has no data.');
  const header = mapHeader((sheet.getRow(1).values as unknown[]).slice(1));
  if (header.missing.length)
    throw errors.badRequest(
      'IMPORT_BAD_HEADER',
      `Tệp thiếu cột bắt buộc: ${header.missing.join(', ')}. Hãy dùng tệp mẫu.`,
      `The file lacks required columns: ${header.missing.join(', ')}. Use the template.`,
      { missing: header.missing },
    );
  const rows: Array<{ rowNumber: number; raw: Partial<Record<StaffColumnKey, unknown>> }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values = (row.values as unknown[]).slice(1);
    const raw: Partial<Record<StaffColumnKey, unknown>> = {};
    for (const [i, key] of header.map) raw[key] = values[i];
    if (Object.values(raw).every((v) => v === null || v === undefined || v === '')) return;
    rows.push({ rowNumber, raw });
    onRow();
  });
  return rows;
}

/**
 * Imports staff from an XLSX workbook. Every row is validated first; rows with problems are rejected with reasons
 * (vietnamese + english) into a downloadable report; all good rows are then written in one transaction, so either
 * every good row lands or none does (never half a file). Existing employee codes are updated, new ones inserted.
 */
export async function importStaff(
  db: Db,
  blobs: BlobStore,
  file: Buffer,
  opts: { fileName: string; actor: AuditActor; scopeUnitIds: string[]; today: string; importId?: string },
): Promise<ImportResult> {
  const id = opts.importId ?? randomUUID();
  const progress: ImportProgress = { id, phase: 'reading', totalRows: 0, processedRows: 0 };
  importProgress.set(id, progress);
  await db.query(`INSERT INTO staff_imports (id, file_name, requested_by, status) VALUES ($1,$2,$3,'RUNNING')`, [
    id,
    opts.fileName,
    opts.actor.id ?? null,
  ]);
  try {
    const rows = await readRows(file, () => progress.totalRows++);
    progress.phase = 'writing';
    const result = await writeRows(db, id, rows, { ...opts, fileHash: sha256(file) }, progress);
    let reportKey: string | null = null;
    if (result.rejected.length) {
      reportKey = `imports/${id}/errors.xlsx`;
      await blobs.put(reportKey, await writeErrorReport(result.rejected));
    }
    const sourceKey = `imports/${id}/source.xlsx`;
    await blobs.put(sourceKey, file);
    // An import spans units: its files are owned by the user who ran it (see the report route), not by a unit.
    const owner = { unitId: null, personId: null, createdBy: blobCreator(opts.actor) };
    await db.transaction(async (tx) => {
      await tx.query(
        `UPDATE staff_imports SET status='DONE', total_rows=$2, inserted_rows=$3, updated_rows=$4, rejected_rows=$5,
                report_key=$6, finished_at=now() WHERE id=$1`,
        [id, result.totalRows, result.insertedRows, result.updatedRows, result.rejected.length, reportKey],
      );
      await recordBlobOwner(tx, { key: sourceKey, kind: BLOB_KINDS.staffImportSource, ...owner });
      if (reportKey) await recordBlobOwner(tx, { key: reportKey, kind: BLOB_KINDS.staffImportReport, ...owner });
    });
    progress.phase = 'done';
    return result;
  } catch (err) {
    progress.phase = 'failed';
    const msg = err instanceof Error ? err.message : String(err);
    await db.query(`UPDATE staff_imports SET status='FAILED', error=$2, finished_at=now() WHERE id=$1`, [id, msg.slice(0, 500)]);
    throw err;
  }
}

async function writeRows(
  db: Db,
  importId: string,
  rows: Array<{ rowNumber: number; raw: Partial<Record<StaffColumnKey, unknown>> }>,
  opts: { fileName: string; fileHash: string; actor: AuditActor; scopeUnitIds: string[]; today: string },
  progress: ImportProgress,
): Promise<ImportResult> {
  const units = await db.query<{ id: string; code: string; valid_to: string | null }>('SELECT id, code, valid_to FROM org_units');
  const unitByCode = new Map(units.map((u) => [u.code.toLowerCase(), u]));
  const scope = new Set(opts.scopeUnitIds);
  const rejected: RejectedRow[] = [];
  const good: Array<{ rowNumber: number; v: StaffRowValue; unitId: string; raw: Partial<Record<StaffColumnKey, unknown>> }> = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const { value, problems } = validateStaffRow(r.raw);
    if (value) {
      const unit = unitByCode.get(value.unitCode.toLowerCase());
      if (!unit) problems.push({ field: 'unitCode', vi: `Không có đơn vị mã ${value.unitCode}.`, en: `No unit with code ${value.unitCode}.` });
      else if (unit.valid_to && unit.valid_to <= opts.today)
        problems.push({ field: 'unitCode', vi: 'Đơn vị đã giải thể.', en: 'The unit no longer exists.' });
      else if (!scope.has(unit.id))
        problems.push({ field: 'unitCode', vi: 'Đơn vị ngoài phạm vi quản lý của bạn.', en: 'The unit is outside your scope.' });
      const code = value.employeeCode.toLowerCase();
      const first = seen.get(code);
      if (first !== undefined)
        problems.push({ field: 'employeeCode', vi: `Trùng mã với dòng ${first}.`, en: `Same code as row ${first}.` });
      else seen.set(code, r.rowNumber);
      if (problems.length === 0 && unit) good.push({ rowNumber: r.rowNumber, v: value, unitId: unit.id, raw: r.raw });
    }
    if (problems.length) rejected.push({ ...r, problems });
  }

  return db.transaction(async (tx) => {
    // Which codes exist already, and where: updates of staff outside the importer's scope are refused too.
    const existing = new Map<string, { id: string; unit_id: string }>();
    for (let i = 0; i < good.length; i += 5000) {
      const codes = good.slice(i, i + 5000).map((g) => g.v.employeeCode);
      for (const e of await tx.query<{ id: string; employee_code: string; unit_id: string }>(
        'SELECT id, employee_code, unit_id FROM persons WHERE employee_code = ANY($1::text[])',
        [codes],
      ))
        existing.set(e.employee_code.toLowerCase(), e);
    }
    const inserts: typeof good = [];
    const updates: Array<(typeof good)[number] & { id: string; oldUnit: string }> = [];
    for (const g of good) {
      const e = existing.get(g.v.employeeCode.toLowerCase());
      if (!e) inserts.push(g);
      else if (!scope.has(e.unit_id))
        rejected.push({
          rowNumber: g.rowNumber,
          raw: g.raw,
          problems: [{ field: 'employeeCode', vi: 'Cán bộ này thuộc đơn vị ngoài phạm vi của bạn.', en: 'This person belongs to a unit outside your scope.' }],
        });
      else updates.push({ ...g, id: e.id, oldUnit: e.unit_id });
    }
    for (let i = 0; i < inserts.length; i += BATCH) {
      await insertBatch(tx, inserts.slice(i, i + BATCH), opts.today);
      progress.processedRows += Math.min(BATCH, inserts.length - i);
    }
    for (let i = 0; i < updates.length; i += BATCH) {
      await updateBatch(tx, updates.slice(i, i + BATCH), opts.today);
      progress.processedRows += Math.min(BATCH, updates.length - i);
    }
    rejected.sort((a, b) => a.rowNumber - b.rowNumber);
    progress.processedRows = rows.length;
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'staff.import',
      entityType: 'staff_import',
      entityId: importId,
      details: { fileName: opts.fileName, fileSha256: opts.fileHash, total: rows.length, inserted: inserts.length, updated: updates.length, rejected: rejected.length },
    });
    return { id: importId, totalRows: rows.length, insertedRows: inserts.length, updatedRows: updates.length, rejected };
  });
}

type Good = { v: StaffRowValue; unitId: string };

/**
 * The profile columns shared by inserts and updates, as parallel arrays for unnest(): one statement per 1,000 rows
 * instead of one per row. Order matches PROFILE_COLUMNS and the types in unnestParams.
 */
const PROFILE_COLUMNS = 'full_name, gender, birth_date, category, position_title, unit_id, status, email, phone, joined_on, search_text';
function profileArrays(batch: Good[]): unknown[][] {
  const col = <T>(f: (g: Good) => T) => batch.map(f);
  return [
    col((g) => g.v.fullName),
    col((g) => g.v.gender),
    col((g) => g.v.birthDate),
    col((g) => g.v.category),
    col((g) => g.v.positionTitle),
    col((g) => g.unitId),
    col((g) => g.v.status),
    col((g) => g.v.email),
    col((g) => g.v.phone),
    col((g) => g.v.joinedOn),
    col((g) => searchKey(g.v.fullName)),
  ];
}
/** unnest() parameter list: the `leading` arrays' types, then the profile arrays' types. */
function unnestParams(leading: string[]): string {
  const types = [...leading, 'text', 'text', 'date', 'text', 'text', 'uuid', 'text', 'text', 'text', 'date', 'text'];
  return types.map((t, i) => `$${i + 1}::${t}[]`).join(', ');
}

async function insertBatch(db: Db, batch: Good[], today: string) {
  const ids = batch.map(() => randomUUID());
  await db.query(
    `INSERT INTO persons (id, employee_code, ${PROFILE_COLUMNS})
     SELECT * FROM unnest(${unnestParams(['uuid', 'text'])})`,
    [ids, batch.map((g) => g.v.employeeCode), ...profileArrays(batch)],
  );
  await db.query(
    `INSERT INTO person_unit_history (id, person_id, unit_id, position_title, assignment_kind, valid_from)
     SELECT gen_random_uuid(), p, u, t, 'TUYEN_DUNG', f FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[]) AS x(p, u, t, f)`,
    [ids, batch.map((g) => g.unitId), batch.map((g) => g.v.positionTitle), batch.map((g) => g.v.joinedOn ?? today)],
  );
}

async function updateBatch(db: Db, batch: Array<Good & { id: string; oldUnit: string }>, today: string) {
  await db.query(
    `UPDATE persons p SET full_name = v.full_name, gender = v.gender, birth_date = v.birth_date, category = v.category,
            position_title = v.position_title, unit_id = v.unit_id, status = v.status, email = v.email, phone = v.phone,
            joined_on = COALESCE(v.joined_on, p.joined_on), search_text = v.search_text, version = p.version + 1, updated_at = now()
       FROM unnest(${unnestParams(['uuid'])}) AS v(id, ${PROFILE_COLUMNS})
      WHERE p.id = v.id`,
    [batch.map((g) => g.id), ...profileArrays(batch)],
  );
  // A changed unit is a transfer: close the open history row and open a new one today.
  const moved = batch.filter((g) => g.unitId !== g.oldUnit);
  if (moved.length) {
    const ids = moved.map((g) => g.id);
    await db.query(
      `UPDATE person_unit_history SET valid_to = $2 WHERE person_id = ANY($1::uuid[]) AND valid_to IS NULL AND valid_from < $2`,
      [ids, today],
    );
    await db.query(
      `INSERT INTO person_unit_history (id, person_id, unit_id, position_title, assignment_kind, valid_from)
       SELECT gen_random_uuid(), p, u, t, 'DIEU_DONG', $4::date FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS x(p, u, t)`,
      [ids, moved.map((g) => g.unitId), moved.map((g) => g.v.positionTitle), today],
    );
  }
}

export function sha256(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}
