import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { multipartFile } from '../../../test/helpers/multipart';

async function workbook(rows: unknown[][], header = ['Mã cán bộ', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Loại cán bộ', 'Chức vụ', 'Mã đơn vị', 'Trạng thái', 'Email']) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(t: TestApp, s: Session, file: Buffer, name = 'nhap.xlsx') {
  const { payload, contentType } = multipartFile('file', name, file);
  return t.app.inject({ method: 'POST', url: '/api/staff/imports', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': contentType }, payload });
}

async function waitDone(s: Session, id: string) {
  for (let i = 0; i < 200; i++) {
    const st = (await s.get(`/api/staff/imports/${id}`)).json();
    if (st.status !== 'RUNNING') return st;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

for (const kind of dbKinds()) {
  describe(`staff XLSX import [${kind}]`, () => {
    let t: TestApp;
    let s: Session;
    before(async () => {
      t = await startTestApp(kind);
      s = await loginAs(t.app, 'noivu');
    });
    after(async () => t.close());

    it('imports the good rows, rejects the bad ones with reasons, and offers the error report', async () => {
      const file = await workbook([
        ['N001', 'Nguyễn Văn Hùng', 'Nam', '12/05/1988', 'Công chức', 'Chuyên viên', 'TT-VP', 'Đang làm việc', 'hung@xa.gov.vn'],
        ['N002', 'Lê Thị Ánh', 'Nữ', new Date(Date.UTC(1990, 0, 31)), 'Viên chức', '', 'TT-MOTCUA', '', ''],
        ['N003', '', 'Nam', '01/01/1990', 'Công chức', '', 'TT-VP', '', ''],
        ['N004', 'Phạm Văn Sai Ngày', 'Nam', '31/02/1990', 'Công chức', '', 'TT-VP', '', ''],
        ['N005', 'Đơn Vị Lạ', 'Nam', '', 'Công chức', '', 'KHONG-CO', '', ''],
        ['N006', 'Ngoài Phạm Vi', 'Nam', '', 'Công chức', '', 'TP-VP', '', ''],
        ['N001', 'Trùng Mã', 'Nam', '', 'Công chức', '', 'TT-VP', '', ''],
        ['N007', 'Loại Sai', 'Nam', '', 'Bộ trưởng', '', 'TT-VP', '', 'not-an-email'],
        ['N008', 'Hoàng Thị Mai', 'nu', '1995-06-15', 'hop dong lao dong', 'Nhân viên', 'TT-PKT', 'dang lam viec', ''],
      ]);
      const res = await upload(t, s, file);
      assert.equal(res.statusCode, 202, res.body);
      const st = await waitDone(s, res.json().id);
      assert.equal(st.status, 'DONE');
      assert.equal(st.totalRows, 9);
      assert.equal(st.insertedRows, 3);
      assert.equal(st.rejectedRows, 6);
      const list = (await s.get('/api/staff?q=N00&pageSize=50')).json();
      assert.deepEqual(
        list.items.map((p: { employeeCode: string }) => p.employeeCode).sort(),
        ['N001', 'N002', 'N008'],
      );
      const mai = list.items.find((p: { employeeCode: string }) => p.employeeCode === 'N008');
      assert.equal(mai.category, 'HOP_DONG');
      assert.equal(mai.gender, 'NU');
      const anh = list.items.find((p: { employeeCode: string }) => p.employeeCode === 'N002');
      assert.equal(anh.birthDate, '1990-01-31');

      const report = await s.get(`/api/staff/imports/${res.json().id}/report`);
      assert.equal(report.statusCode, 200);
      assert.match(String(report.headers['content-type']), /spreadsheetml/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0] as ExcelJS.Worksheet;
      const reasons = new Map<number, string>();
      ws.eachRow((row, n) => {
        if (n > 1) reasons.set(Number(row.getCell(1).value), String(row.getCell(13).value));
      });
      assert.deepEqual([...reasons.keys()], [4, 5, 6, 7, 8, 9]);
      assert.match(reasons.get(4) ?? '', /Thiếu họ và tên/);
      assert.match(reasons.get(5) ?? '', /Ngày sinh không hợp lệ/);
      assert.match(reasons.get(6) ?? '', /Không có đơn vị mã KHONG-CO/);
      assert.match(reasons.get(7) ?? '', /ngoài phạm vi/);
      assert.match(reasons.get(8) ?? '', /Trùng mã với dòng 2/);
      assert.match(reasons.get(9) ?? '', /Loại cán bộ[\s\S]*Email không hợp lệ/);
    });

    it('re-importing the same rows updates them instead of duplicating', async () => {
      const file = await workbook([['N001', 'Nguyễn Văn Hùng', 'Nam', '12/05/1988', 'Công chức', 'Phó Chánh Văn phòng', 'TT-VP', 'Đang làm việc', 'hung@xa.gov.vn']]);
      const st = await waitDone(s, (await upload(t, s, file)).json().id);
      assert.equal(st.updatedRows, 1);
      assert.equal(st.insertedRows, 0);
      const list = (await s.get('/api/staff?q=N001')).json();
      assert.equal(list.total, 1);
      assert.equal(list.items[0].positionTitle, 'Phó Chánh Văn phòng');
    });

    it('refuses a workbook without the required columns, writing nothing', async () => {
      const before = (await s.get('/api/staff?pageSize=1')).json().total;
      const res = await upload(t, s, await workbook([['X', 'Y']], ['Cột A', 'Cột B']));
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().code, 'IMPORT_BAD_HEADER');
      assert.match(res.json().message_vi, /Mã cán bộ/);
      assert.equal((await s.get('/api/staff?pageSize=1')).json().total, before);
    });

    it('refuses files that are not workbooks', async () => {
      const res = await upload(t, s, Buffer.from('PK\u0003\u0004 broken zip'), 'x.xlsx');
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().code, 'IMPORT_NOT_XLSX');
      const csv = await upload(t, s, Buffer.from('a,b\n1,2'), 'x.csv');
      assert.equal(csv.json().code, 'IMPORT_NOT_XLSX');
    });

    it('exports what the user may see, in the import layout', async () => {
      const res = await s.get('/api/staff/export?unitId=' + t.demo.units['TT-PKT']);
      assert.equal(res.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0] as ExcelJS.Worksheet;
      assert.equal(ws.getRow(1).getCell(1).value, 'Mã cán bộ');
      const codes: string[] = [];
      ws.eachRow((row, n) => n > 1 && codes.push(String(row.getCell(1).value)));
      assert.ok(codes.includes('TT005'));
      assert.ok(codes.includes('N008'));
      assert.ok(!codes.some((c) => c.startsWith('TP')));
    });
  });
}
