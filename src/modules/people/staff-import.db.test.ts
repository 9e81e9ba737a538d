import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import ExcelJS from 'exceljs';
import { forEachDb } from '../../../test/helpers/db';
import { DiskBlobStore } from '../../../test/helpers/adapters';
import { createUnit } from '../org/org.service';
import { importStaff } from './staff-import';

const NAMES = ['Nguyễn Thị Ánh Tuyết', 'Trần Đức Thắng', 'Lê Hoàng Phương Thảo', 'Phạm Quốc Việt', 'Hồ Thị Hường', 'Đặng Ngọc Ẩn'];

forEachDb('staff import keeps Vietnamese text exact', (getDb) => {
  it('imports 3,000 rows of diacritic-heavy names without a single damaged character', async () => {
    const db = await getDb();
    const unit = await createUnit(db, { code: 'U-VN', name: 'Đơn vị', unitType: 'KHAC', adminLevel: 'KHAC', validFrom: '2020-01-01' }, { name: 't' });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['Mã cán bộ', 'Họ và tên', 'Loại cán bộ', 'Chức vụ', 'Mã đơn vị']);
    for (let i = 0; i < 3000; i++) ws.addRow([`V${i}`, `${NAMES[i % NAMES.length]} ${i}`, 'Công chức', 'Phó Trưởng phòng Văn hóa - Xã hội', 'U-VN']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const blobs = new DiskBlobStore(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-vn-')));
    const r = await importStaff(db, blobs, file, { fileName: 'vn.xlsx', actor: { name: 't' }, scopeUnitIds: [unit.id], today: '2026-11-23' });
    assert.equal(r.insertedRows, 3000);
    assert.equal(r.rejected.length, 0);
    const rows = await db.query<{ employee_code: string; full_name: string; position_title: string }>(
      `SELECT employee_code, full_name, position_title FROM persons WHERE employee_code LIKE 'V%'`,
    );
    for (const row of rows) {
      const i = Number(row.employee_code.slice(1));
      assert.equal(row.full_name, `${NAMES[i % NAMES.length]} ${i}`);
      assert.equal(row.position_title, 'Phó Trưởng phòng Văn hóa - Xã hội');
    }
  });
});
