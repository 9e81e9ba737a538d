import assert from 'node:assert/strict';
import net from 'node:net';
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

    // Issue 11, F11: the probe's 5xx cases (NUL bytes, lone surrogates, years 0000 and 9999). Each must be a 400.
    it('a NUL byte or a lone surrogate in the username of an unauthenticated login', async () => {
      for (const username of ['a\u0000b', 'a\ud800b', '\udc00admin']) {
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'x' } });
        expect4xx(res, 400, 'VALIDATION_FAILED');
      }
    });

    it('year 0000 and year 9999 in date filters', async () => {
      const tt = t.demo.units['TT-UBND'];
      expect4xx(await s.get('/api/violations?from=0000-01-01&to=0000-01-01'), 400, 'VALIDATION_FAILED');
      expect4xx(await s.get('/api/violations?from=2026-01-01&to=9999-12-31'), 400, 'VALIDATION_FAILED');
      expect4xx(await s.get(`/api/rules/effective?unitId=${tt}&date=0000-01-01`), 400, 'VALIDATION_FAILED');
      expect4xx(await s.get('/api/calendar/rosters?from=0000-01-01&to=0000-01-01'), 400, 'VALIDATION_FAILED');
      expect4xx(await s.get('/api/calendar/lunar?date=0000-01-01'), 400, 'VALIDATION_FAILED');
      expect4xx(await s.get('/api/org/units?asOf=0000-01-01'), 400, 'VALIDATION_FAILED');
    });

    it('month 9999-12 (and 0000-01) for a timesheet', async () => {
      const tt = t.demo.units['TT-UBND'];
      expect4xx(await s.get(`/api/attendance/timesheet?unitId=${tt}&month=9999-12`), 400, 'VALIDATION_FAILED');
      expect4xx(await s.get(`/api/attendance/timesheet?unitId=${tt}&month=0000-01`), 400, 'VALIDATION_FAILED');
    });

    it('year 0000 instants: footage timeline and manual punch', async () => {
      const cameras = (await s.get('/api/cameras')).json().items as Array<{ id: string }>;
      const camera = cameras[0]?.id;
      assert.ok(camera);
      const from = encodeURIComponent('0000-01-01T00:00:00Z');
      const to = encodeURIComponent('0000-01-02T00:00:00Z');
      expect4xx(await s.get(`/api/cameras/${camera}/timeline?from=${from}&to=${to}`), 400, 'VALIDATION_FAILED');
      const punch = await s.send('POST', '/api/attendance/punches/manual', {
        personId: t.demo.persons.TT005,
        at: '0000-01-01T00:00:00Z',
        direction: 'IN',
        reason: 'Thử thời điểm năm 0000',
      });
      expect4xx(punch, 400, 'VALIDATION_FAILED');
    });

    it('a leave request in year 9999', async () => {
      const canbo = await loginAs(t.app, 'canbo');
      const res = await canbo.send('POST', '/api/attendance/requests', {
        type: 'ANNUAL_LEAVE',
        startDate: '9999-12-31',
        endDate: '9999-12-31',
        reason: 'Thử năm 9999',
      });
      expect4xx(res, 400, 'VALIDATION_FAILED');
    });

    it('NUL bytes in free text and search', async () => {
      expect4xx(await s.get(`/api/staff?q=${encodeURIComponent('Vũ\u0000')}`), 400, 'VALIDATION_FAILED');
      const res = await s.send('POST', '/api/staff', {
        employeeCode: 'X5',
        fullName: 'Trần\u0000Thị',
        category: 'VIEN_CHUC',
        unitId: t.demo.units['TT-VP'],
      });
      expect4xx(res, 400, 'VALIDATION_FAILED');
    });

    it("Fastify's own refusals are bilingual: a malformed URL, headers over the limit", async () => {
      expect4xx(await s.get('/api/staff/%E0%A4%A'), 400, 'BAD_URL');
      // The header limit is enforced by Node's parser before Fastify: only a real socket shows it.
      const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = new URL(address);
      const raw = await new Promise<string>((resolve, reject) => {
        const chunks: Buffer[] = [];
        const socket = net.connect(Number(port), '127.0.0.1', () => {
          socket.write(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
        });
        socket.on('data', (c) => chunks.push(c));
        socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.on('error', reject);
      });
      assert.match(raw, /^HTTP\/1\.1 431 /);
      const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as Record<string, string>;
      assert.equal(body.code, 'HEADERS_TOO_LARGE');
      assert.match(body.message_vi ?? '', /quá lớn/);
      assert.equal(typeof body.message_en, 'string');
    });
  });
}
