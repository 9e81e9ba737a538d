import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';

/** Every kind of bad input gets a clear 4xx in both languages and leaves the data exactly as it was. */
for (const kind of dbKinds()) {
  describe(`bad input [${kind}]`, () => {
    let t: TestApp;
    let s: Session;
    let snapshot: string;
    const state = async () =>
      JSON.stringify([
        await t.ctx.db.query('SELECT id, employee_code, full_name, unit_id, version FROM persons ORDER BY id'),
        await t.ctx.db.query('SELECT id, code, name, parent_id FROM org_units ORDER BY id'),
      ]);
    before(async () => {
      t = await startTestApp(kind);
      s = await loginAs(t.app, 'admin');
      snapshot = await state();
    });
    after(async () => {
      assert.equal(await state(), snapshot, 'no bad request changed any data');
      await t.close();
    });

    const expect4xx = (res: { statusCode: number; json(): Record<string, unknown> }, status: number, code?: string) => {
      assert.equal(res.statusCode, status, JSON.stringify(res.json()));
      const body = res.json();
      if (code) assert.equal(body.code, code);
      assert.equal(typeof body.message_vi, 'string');
      assert.equal(typeof body.message_en, 'string');
    };

    it('malformed JSON', async () => {
      expect4xx(await s.send('POST', '/api/staff', '{"employeeCode": "X1", '), 400, 'MALFORMED_JSON');
    });

    it('wrong types', async () => {
      const res = await s.send('POST', '/api/staff', { employeeCode: 42, fullName: ['a'], category: 'KING', unitId: 'nope' });
      expect4xx(res, 400, 'VALIDATION_FAILED');
      assert.ok((res.json().details as unknown[]).length >= 3);
    });

    it('unknown fields', async () => {
      const res = await s.send('POST', '/api/staff', {
        employeeCode: 'X9',
        fullName: 'Nguyễn Văn X',
        category: 'CONG_CHUC',
        unitId: t.demo.units['TT-VP'],
        isAdmin: true,
      });
      expect4xx(res, 400, 'VALIDATION_FAILED');
    });

    it('oversized bodies', async () => {
      const big = { employeeCode: 'X8', fullName: 'a'.repeat(2_000_000), category: 'CONG_CHUC', unitId: t.demo.units['TT-VP'] };
      expect4xx(await s.send('POST', '/api/staff', big), 413, 'BODY_TOO_LARGE');
    });

    it('SQL-looking strings are data, never SQL', async () => {
      const q = encodeURIComponent("'; DROP TABLE persons; --");
      const res = await s.get(`/api/staff?q=${q}`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().total, 0);
      expect4xx(await s.get(`/api/staff?sort=${encodeURIComponent('full_name; DROP TABLE persons')}`), 400, 'VALIDATION_FAILED');
      expect4xx(await s.get(`/api/staff/${encodeURIComponent("1' OR '1'='1")}`), 400, 'VALIDATION_FAILED');
      const create = await s.send('POST', '/api/org/units', {
        code: "X'; DELETE FROM org_units; --",
        name: 'x',
        unitType: 'KHAC',
        adminLevel: 'KHAC',
        validFrom: '2026-01-01',
      });
      expect4xx(create, 400, 'VALIDATION_FAILED');
    });

    it('path traversal in file names and routes', async () => {
      const boundary = '----kc';
      const body = [
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="../../../etc/passwd.xlsx"',
        'Content-Type: application/octet-stream',
        '',
        'not a zip',
        `--${boundary}--`,
        '',
      ].join('\r\n');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/staff/imports',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: body,
      });
      expect4xx(res, 400, 'IMPORT_NOT_XLSX');
      const trav = await s.get('/api/staff/imports/..%2F..%2Fetc%2Fpasswd/report');
      expect4xx(trav, 400, 'VALIDATION_FAILED');
      const asset = await t.app.inject({ method: 'GET', url: '/..%2F..%2Fpackage.json' });
      assert.ok(asset.statusCode === 404 || (asset.statusCode === 200 && !asset.body.includes('"allowScripts"')));
    });

    it('impossible dates and unknown references', async () => {
      const res = await s.send('POST', '/api/staff', {
        employeeCode: 'X7',
        fullName: 'Trần Thị Y',
        category: 'VIEN_CHUC',
        unitId: t.demo.units['TT-VP'],
        birthDate: '2026-02-30',
      });
      expect4xx(res, 400, 'VALIDATION_FAILED');
      const unknownUnit = await s.send('POST', '/api/staff', {
        employeeCode: 'X6',
        fullName: 'Trần Thị Z',
        category: 'VIEN_CHUC',
        unitId: '00000000-0000-4000-8000-000000000000',
      });
      assert.equal(unknownUnit.statusCode, 403); // outside every scope: existence is not revealed
    });

    it('unknown routes answer in the same format', async () => {
      expect4xx(await s.get('/api/nothing-here'), 404, 'ROUTE_NOT_FOUND');
    });
  });
}
