import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dbKinds } from '../../../test/helpers/db';
import { loginAs, startTestApp, type TestApp } from '../../../test/helpers/app';

for (const kind of dbKinds()) {
  describe(`roles and unit scope [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => t.close());

    it('refuses anonymous API calls with 401 and the bilingual error format', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/staff' });
      assert.equal(res.statusCode, 401);
      const body = res.json();
      assert.equal(body.code, 'UNAUTHENTICATED');
      assert.match(body.message_vi, /đăng nhập/);
      assert.match(body.message_en, /sign in/);
    });

    it('a commune chairman sees only staff of their commune (and its former units)', async () => {
      const s = await loginAs(t.app, 'chutich');
      const res = await s.get('/api/staff?pageSize=500');
      assert.equal(res.statusCode, 200);
      const items = res.json().items as Array<{ employeeCode: string }>;
      assert.ok(items.length > 20);
      assert.ok(items.every((p) => p.employeeCode.startsWith('TT')), 'only Thông Thụ staff');
    });

    it('refuses a direct API call for a person outside the unit scope with 403', async () => {
      const s = await loginAs(t.app, 'chutich');
      const res = await s.get(`/api/staff/${t.demo.persons.TP001}`);
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().code, 'OUT_OF_SCOPE');
      const other = await loginAs(t.app, 'chutichtp');
      assert.equal((await other.get(`/api/staff/${t.demo.persons.TP001}`)).statusCode, 200);
      assert.equal((await other.get(`/api/staff/${t.demo.persons.TT005}`)).statusCode, 403);
    });

    it('a staff member sees only their own record', async () => {
      const s = await loginAs(t.app, 'canbo');
      const list = (await s.get('/api/staff')).json();
      assert.equal(list.total, 1);
      assert.equal(list.items[0].employeeCode, 'TT005');
      assert.equal((await s.get(`/api/staff/${t.demo.persons.TT005}`)).statusCode, 200);
      assert.equal((await s.get(`/api/staff/${t.demo.persons.TT004}`)).statusCode, 403);
      assert.equal((await s.get('/api/audit')).statusCode, 403);
      assert.equal((await s.get('/api/users')).statusCode, 403);
    });

    it('a unit head sees their division only, not the rest of the commune', async () => {
      const s = await loginAs(t.app, 'truongphong');
      const items = (await s.get('/api/staff?pageSize=500')).json().items as Array<{ unitName: string }>;
      assert.ok(items.length >= 2);
      assert.ok(items.every((p) => p.unitName === 'Phòng Kinh tế xã Thông Thụ'));
      assert.equal((await s.get(`/api/staff/${t.demo.persons.TT002}`)).statusCode, 403);
    });

    it('a manager cannot change staff outside their scope, and the refusal changes nothing', async () => {
      const s = await loginAs(t.app, 'noivu');
      const before = (await loginAs(t.app, 'admin').then((a) => a.get(`/api/staff/${t.demo.persons.TP001}`))).json();
      const res = await s.send('PATCH', `/api/staff/${t.demo.persons.TP001}`, { fullName: 'Hacked', version: before.version });
      assert.equal(res.statusCode, 403);
      const afterRow = (await loginAs(t.app, 'admin').then((a) => a.get(`/api/staff/${t.demo.persons.TP001}`))).json();
      assert.equal(afterRow.fullName, before.fullName);
    });

    it('only system administrators can grant the system administrator role', async () => {
      const s = await loginAs(t.app, 'noivu');
      const res = await s.send('POST', `/api/users/${t.demo.users.canbo}/roles`, { role: 'sysadmin', unitId: t.demo.units['TT-UBND'] });
      assert.equal(res.statusCode, 403);
    });

    it('state-changing requests without the CSRF token are refused', async () => {
      const s = await loginAs(t.app, 'admin');
      const res = await t.app.inject({
        method: 'PATCH',
        url: '/api/auth/me',
        headers: { cookie: s.cookie, 'content-type': 'application/json' },
        payload: { locale: 'en' },
      });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().code, 'CSRF_TOKEN_INVALID');
    });

    it('locks an account after repeated failures and records it in the audit log', async () => {
      for (let i = 0; i < 5; i++) {
        const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kiemtra', password: 'wrong-password-1' } });
        assert.equal(r.statusCode, 401);
      }
      const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kiemtra', password: 'KyCuong@2026' } });
      assert.equal(locked.statusCode, 423);
      assert.equal(locked.json().code, 'ACCOUNT_LOCKED');
      const admin = await loginAs(t.app, 'admin');
      const audit = (await admin.get('/api/audit?action=auth.account_locked')).json();
      assert.equal(audit.items.length, 1);
      assert.equal((await admin.send('POST', `/api/users/${t.demo.users.kiemtra}/unlock`)).statusCode, 200);
      await loginAs(t.app, 'kiemtra');
    });

    it('every write is in the audit log and the chain verifies through the API', async () => {
      const s = await loginAs(t.app, 'chanhvp');
      const p = (await s.get(`/api/staff/${t.demo.persons.TT005}`)).json();
      const res = await s.send('PATCH', `/api/staff/${p.id}`, { phone: '0912 345 678', version: p.version });
      assert.equal(res.statusCode, 200);
      const stale = await s.send('PATCH', `/api/staff/${p.id}`, { phone: '0900000000', version: p.version });
      assert.equal(stale.statusCode, 409);
      const admin = await loginAs(t.app, 'admin');
      const log = (await admin.get(`/api/audit?entityType=person&entityId=${p.id}&action=staff.update`)).json();
      assert.equal(log.items.length, 1);
      assert.equal(log.items[0].details.after.phone, '0912 345 678');
      const v = (await admin.send('POST', '/api/audit/verify')).json();
      assert.equal(v.ok, true);
      assert.ok(v.checked > 50);
    });
  });
}
