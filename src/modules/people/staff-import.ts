import { createHash, randomUUID } from 'node:crypto';
import { BLOB_KINDS, blobCreator, recordBlobOwner } from '../../platform/blob-owners/blob-owners';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import { errors } from '../../platform/errors';
import { yieldToEventLoop } from '../../platform/jobs/yield';
import { searchKey } from '../../platform/text/search-key';
import { type AuditActor, recordAudit } from '../audit';
import { mapHeader, type RejectedRow, type StaffColumnKey, type StaffRowValue, validateStaffRow } from './domain/staff-row';
import { writeErrorReport } from './staff-xlsx';
import { streamFirstSheet, type WorkbookLimits } from './staff-xlsx-stream';

export interface ImportProgress {
  id: string;
  phase: 'reading' | 'writing' | 'done' | 'failed';
  totalRows: number;
  processedRows: number;
}

export interface ImportResult {
  id: string;
  totalRows: number;
  insertedRows: number;
  updatedRows: number;
  rejected: RejectedRow[];
}

/**
 * Rows per write transaction. On PGlite a transaction holds the only connection and its statements run in the
 * event-loop thread: 1,000-row batches stalled the loop for 0.5–3.8 s on a loaded 2-core machine (load average 20),
 * 100-row batches with a yield between statements kept the longest stall under 0.9 s there (about 0.35 s of CPU).
 */
export const STAFF_IMPORT_BATCH = 100;
const BATCH = STAFF_IMPORT_BATCH;
/** Live progress of running imports, polled by the UI; the database row holds the final outcome. */
export const importProgress = new Map<string, ImportProgress>();

type RawRow = { rowNumber: number; raw: Partial<Record<StaffColumnKey, unknown>> };

/** Lets the event loop serve requests and drain camera pipes between batches. */

/**
 * Imports staff from an XLSX workbook, streamed (issue 11, F7): the zip is checked against a zip bomb before
 * parsing, rows are read one by one (staff-xlsx-stream.ts), validated and written in batches of 100, each batch
 * in its own short transaction with its audit row, with an event-loop yield between batches. Rows with problems are
 * rejected with reasons (Vietnamese + English) into a downloadable report; existing employee codes are updated, new
 * ones inserted.
 *
 * One transaction per batch, not per file: on PGlite a transaction holds the only connection, so a whole-file
 * transaction would block every other request (health, the recording index) for the length of the import. If an
 * import stops half-way (server stop, a failure), the batches written so far stay, the import is marked FAILED with
 * the rows done, and importing the same file again converges: the employee code is the key, so written rows are
 * updated in place and the rest inserted.
 */
export async function importStaff(
  db: Db,
  blobs: BlobStore,
  file: Buffer,
  opts: { fileName: string; actor: AuditActor; scopeUnitIds: string[]; today: string; importId?: string; limits?: WorkbookLimits },
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
    const writer = new BatchWriter(db, id, { ...opts, fileHash: sha256(file) }, progress);
    await writer.loadUnits();
    let header: ReturnType<typeof mapHeader> | null = null;
    let batch: RawRow[] = [];
    for await (const row of streamFirstSheet(file, opts.limits)) {
      if (!header) {
        header = readHeader(row.rowNumber === 1 ? row.values : []);
        if (row.rowNumber === 1) continue;
      }
      const raw: Partial<Record<StaffColumnKey, unknown>> = {};
      for (const [i, key] of header.map) raw[key] = row.values[i];
      if (Object.values(raw).every((v) => v === null || v === undefined || v === '')) continue;
      batch.push({ rowNumber: row.rowNumber, raw });
      progress.totalRows++;
      if (batch.length >= BATCH) {
        progress.phase = 'writing';
        await writer.write(batch);
        batch = [];
        await yieldToEventLoop();
      }
    }
    if (!header) throw errors.badRequest('IMPORT_EMPTY', 'Tệp không có dữ liệu.', 'The file has no data.');
    if (batch.length > 0) await writer.write(batch);
    const result = writer.result();
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
    await db.query(
      `UPDATE staff_imports SET status='FAILED', error=$2, total_rows=$3, finished_at=now() WHERE id=$1`,
      [id, msg.slice(0, 500), progress.processedRows],
    );
    throw err;
  }
}

/** The header row mapped to columns; refuses a sheet without the required columns before any row is written. */
function readHeader(cells: unknown[]): ReturnType<typeof mapHeader> {
  const header = mapHeader(cells);
  if (header.missing.length)
    throw errors.badRequest(
      'IMPORT_BAD_HEADER',
      `Tệp thiếu cột bắt buộc: ${header.missing.join(', ')}. Hãy dùng tệp mẫu.`,
      `The file lacks required columns: ${header.missing.join(', ')}. Use the template.`,
      { missing: header.missing },
    );
  return header;
}

/** Validates and writes one batch at a time; remembers codes seen earlier in the file and the running totals. */
class BatchWriter {
  private unitByCode = new Map<string, { id: string; code: string; valid_to: string | null }>();
  private readonly scope: Set<string>;
  private readonly seen = new Map<string, number>();
  private readonly rejected: RejectedRow[] = [];
  private totalRows = 0;
  private inserted = 0;
  private updated = 0;
  private batchNo = 0;

  constructor(
    private readonly db: Db,
    private readonly importId: string,
    private readonly opts: { fileName: string; fileHash: string; actor: AuditActor; scopeUnitIds: string[]; today: string },
    private readonly progress: ImportProgress,
  ) {
    this.scope = new Set(opts.scopeUnitIds);
  }

  async loadUnits(): Promise<void> {
    const units = await this.db.query<{ id: string; code: string; valid_to: string | null }>('SELECT id, code, valid_to FROM org_units');
    this.unitByCode = new Map(units.map((u) => [u.code.toLowerCase(), u]));
  }

  result(): ImportResult {
    this.rejected.sort((a, b) => a.rowNumber - b.rowNumber);
    return { id: this.importId, totalRows: this.totalRows, insertedRows: this.inserted, updatedRows: this.updated, rejected: this.rejected };
  }

  async write(rows: RawRow[]): Promise<void> {
    const { opts, scope } = this;
    this.totalRows += rows.length;
    this.batchNo++;
    const good: Array<{ rowNumber: number; v: StaffRowValue; unitId: string; raw: Partial<Record<StaffColumnKey, unknown>> }> = [];
    for (const r of rows) {
      const { value, problems } = validateStaffRow(r.raw);
      if (value) {
        const unit = this.unitByCode.get(value.unitCode.toLowerCase());
        if (!unit) problems.push({ field: 'unitCode', vi: `Không có đơn vị mã ${value.unitCode}.`, en: `No unit with code ${value.unitCode}.` });
        else if (unit.valid_to && unit.valid_to <= opts.today)
          problems.push({ field: 'unitCode', vi: 'Đơn vị đã giải thể.', en: 'The unit no longer exists.' });
        else if (!scope.has(unit.id))
          problems.push({ field: 'unitCode', vi: 'Đơn vị ngoài phạm vi quản lý của bạn.', en: 'The unit is outside your scope.' });
        const code = value.employeeCode.toLowerCase();
        const first = this.seen.get(code);
        if (first !== undefined)
          problems.push({ field: 'employeeCode', vi: `Trùng mã với dòng ${first}.`, en: `Same code as row ${first}.` });
        else this.seen.set(code, r.rowNumber);
        if (problems.length === 0 && unit) good.push({ rowNumber: r.rowNumber, v: value, unitId: unit.id, raw: r.raw });
      }
      if (problems.length) this.rejected.push({ ...r, problems });
    }

    await this.db.transaction(async (tx) => {
      // Which codes exist already, and where: updates of staff outside the importer's scope are refused too.
      const existing = new Map<string, { id: string; unit_id: string }>();
      for (const e of await tx.query<{ id: string; employee_code: string; unit_id: string }>(
        'SELECT id, employee_code, unit_id FROM persons WHERE employee_code = ANY($1::text[])',
        [good.map((g) => g.v.employeeCode)],
      ))
        existing.set(e.employee_code.toLowerCase(), e);
      const inserts: typeof good = [];
      const updates: Array<(typeof good)[number] & { id: string; oldUnit: string }> = [];
      for (const g of good) {
        const e = existing.get(g.v.employeeCode.toLowerCase());
        if (!e) inserts.push(g);
        else if (!scope.has(e.unit_id))
          this.rejected.push({
            rowNumber: g.rowNumber,
            raw: g.raw,
            problems: [{ field: 'employeeCode', vi: 'Cán bộ này thuộc đơn vị ngoài phạm vi của bạn.', en: 'This person belongs to a unit outside your scope.' }],
          });
        else updates.push({ ...g, id: e.id, oldUnit: e.unit_id });
      }
      await yieldToEventLoop();
      if (inserts.length) await insertBatch(tx, inserts, opts.today);
      await yieldToEventLoop();
      if (updates.length) await updateBatch(tx, updates, opts.today);
      await yieldToEventLoop();
      await recordAudit(tx, {
        actor: opts.actor,
        action: 'staff.import',
        entityType: 'staff_import',
        entityId: this.importId,
        details: {
          fileName: opts.fileName,
          fileSha256: opts.fileHash,
          batch: this.batchNo,
          rows: [rows[0]?.rowNumber ?? null, rows[rows.length - 1]?.rowNumber ?? null],
          inserted: inserts.length,
          updated: updates.length,
          rejected: rows.length - inserts.length - updates.length,
        },
      });
      this.inserted += inserts.length;
      this.updated += updates.length;
    });
    this.progress.processedRows += rows.length;
  }
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
  await yieldToEventLoop();
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
