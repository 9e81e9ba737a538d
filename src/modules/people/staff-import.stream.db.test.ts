import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import ExcelJS from 'exceljs';
import { forEachDb } from '../../../test/helpers/db';
import { DiskBlobStore } from '../../../test/helpers/adapters';
import { AppError } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { createUnit } from '../org/org.service';
import { importStaff, STAFF_IMPORT_BATCH } from './staff-import';
import { DEFAULT_WORKBOOK_LIMITS, streamFirstSheet } from './staff-xlsx-stream';
import { lieAboutSizes } from '../../../test/helpers/zip-forgery';

/**
 * Issue 11, F7: the staff workbook is streamed behind a zip-bomb guard. A declared uncompressed size beyond the limit
 * is refused before parsing; a header that declares less than the entry inflates to is stopped while inflating; too
 * many rows are refused; multi-byte Vietnamese text crossing the parser's chunk boundaries stays exact.
 */
async function workbook(rows: number, name = (i: number) => `Nguyễn Thị Hường ${i}`): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['Mã cán bộ', 'Họ và tên', 'Loại cán bộ', 'Mã đơn vị']);
  for (let i = 0; i < rows; i++) ws.addRow([`Z${i}`, name(i), 'Công chức', 'U-Z']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AppError, String(e));
    return e;
  }
  assert.fail('expected a refusal');
}

forEachDb('staff import streams behind a zip-bomb guard', (getDb: () => Promise<Db>) => {
  const blobs = new DiskBlobStore(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-zipbomb-')));
  const opts = (scope: string[]) => ({ fileName: 'z.xlsx', actor: { name: 't' }, scopeUnitIds: scope, today: '2026-11-23' });
  let unitId: string;

  it('refuses a workbook that declares gigabytes once unzipped, before parsing and writing anything (bilingual 400)', async () => {
    const db = await getDb();
    unitId = (await createUnit(db, { code: 'U-Z', name: 'Đơn vị', unitType: 'KHAC', adminLevel: 'KHAC', validFrom: '2020-01-01' }, { name: 't' })).id;
    const bomb = lieAboutSizes(await workbook(10), 0xfffffff0);
    const e = await rejection(importStaff(db, blobs, bomb, opts([unitId])));
    assert.equal(e.status, 400);
    assert.equal(e.code, 'IMPORT_TOO_LARGE_UNCOMPRESSED');
    assert.match(e.messageVi, /bom zip/);
    assert.match(e.messageEn, /zip bomb/);
    const [n] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM persons WHERE employee_code LIKE 'Z%'`);
    assert.equal(n?.n, 0);
  });

  it('stops an entry that inflates beyond its declared size (a lying header)', async () => {
    const liar = lieAboutSizes(await workbook(2000), 100);
    const e = await rejection((async () => {
      for await (const _ of streamFirstSheet(liar)) {
        // reading until refused
      }
    })());
    assert.equal(e.code, 'IMPORT_TOO_LARGE_UNCOMPRESSED');
  });

  it('refuses more rows than one import may hold', async () => {
    const e = await rejection((async () => {
      for await (const _ of streamFirstSheet(await workbook(30), { ...DEFAULT_WORKBOOK_LIMITS, maxRows: 20 })) {
        // reading until refused
      }
    })());
    assert.equal(e.code, 'IMPORT_TOO_MANY_ROWS');
  });

  it('keeps every multi-byte character exact across the stream parser chunk boundaries, in short audited batches', async () => {
    const db = await getDb();
    const name = (i: number) => `${'ỄỮỰ'.repeat(i % 7)}Đặng Ngọc Ẩn ${i}`;
    const r = await importStaff(db, blobs, await workbook(5_500, name), opts([unitId]));
    assert.equal(r.insertedRows, 5_500);
    const rows = await db.query<{ employee_code: string; full_name: string }>(`SELECT employee_code, full_name FROM persons WHERE employee_code LIKE 'Z%'`);
    assert.equal(rows.length, 5_500);
    for (const row of rows) assert.equal(row.full_name, name(Number(row.employee_code.slice(1))));
    const [audits] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'staff.import' AND entity_id = $1`, [r.id]);
    assert.equal(audits?.n, Math.ceil(5_500 / STAFF_IMPORT_BATCH), 'one audited transaction per batch');
  });
});
