import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';

/**
 * Issue 11, F13: an account whose password an administrator chose can do nothing but change it; no password may be
 * built on the username.
 */
for (const kind of dbKinds()) {
  describe(`password set by an administrator [${kind}]`, () => {
    let t: TestApp;
    let admin: Session;
    let userId: string;
    before(async () => {
      t = await startTestApp(kind);
      admin = await loginAs(t.app, 'admin');
      const created = await admin.send('POST', '/api/users', {
        username: 'vptp',
        displayName: 'Văn phòng Tiền Phong',
        password: 'Tam-thoi-2026',
        roles: [{ role: 'office_chief', unitId: t.demo.units['TP-UBND'] }],
      });
      assert.equal(created.statusCode, 201, created.body);
      userId = created.json().id;
    });
    after(async () => t.close());

    const expectBlocked = (res: { statusCode: number; body: string; json(): Record<string, unknown> }) => {
      assert.equal(res.statusCode, 403, res.body);
      assert.equal(res.json().code, 'PASSWORD_CHANGE_REQUIRED');
      assert.match(String(res.json().message_vi), /đổi mật khẩu/);
      assert.match(String(res.json().message_en), /change the password/);
    };

    it('before the change, every route but sign-in/out, me and change-password answers 403 PASSWORD_CHANGE_REQUIRED', async () => {
      const s = await loginAs(t.app, 'vptp', 'Tam-thoi-2026');
      expectBlocked(await s.get('/api/staff'));
      expectBlocked(await s.get('/api/violations'));
      expectBlocked(await s.get('/api/roles'));
      expectBlocked(await s.get(`/api/calendar/rosters?from=2026-12-01&to=2026-12-31`));
      expectBlocked(await s.send('POST', '/api/calendar/days', { date: '2026-12-24', kind: 'HOLIDAY', name: 'Thử', unitId: null, legalBasis: 'Thử nghiệm' }));
      const me = await s.get('/api/auth/me');
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().mustChangePassword, true);
      assert.equal((await s.send('PATCH', '/api/auth/me', { locale: 'en' })).statusCode, 200);
      assert.equal((await s.send('POST', '/api/auth/logout')).statusCode, 204);
    });

    it('a new password built on the username is refused in both languages, forwards, backwards and in any case', async () => {
      const s = await loginAs(t.app, 'vptp', 'Tam-thoi-2026');
      for (const weak of ['vptpvptp12', 'VPTP-2026-abc', 'x-ptpv-2026-y']) {
        const res = await s.send('POST', '/api/auth/password', { currentPassword: 'Tam-thoi-2026', newPassword: weak });
        assert.equal(res.statusCode, 400, `${weak}: ${res.body}`);
        assert.equal(res.json().code, 'WEAK_PASSWORD');
        assert.match(res.json().message_vi, /tên đăng nhập/);
        assert.match(res.json().message_en, /username/);
      }
      const reset = await admin.send('POST', `/api/users/${userId}/reset-password`, { newPassword: 'Vptp@2026-moi' });
      assert.equal(reset.statusCode, 400);
      assert.equal(reset.json().code, 'WEAK_PASSWORD');
      const create = await admin.send('POST', '/api/users', {
        username: 'ketoan',
        displayName: 'Kế toán',
        password: 'Ketoan@2026',
        roles: [{ role: 'staff', unitId: t.demo.units['TP-UBND'] }],
      });
      assert.equal(create.statusCode, 400);
      assert.equal(create.json().code, 'WEAK_PASSWORD');
    });

    it('after the change the account works normally; an administrator reset blocks it again', async () => {
      const s = await loginAs(t.app, 'vptp', 'Tam-thoi-2026');
      const changed = await s.send('POST', '/api/auth/password', { currentPassword: 'Tam-thoi-2026', newPassword: 'Mat-khau-rieng-2026' });
      assert.equal(changed.statusCode, 204, changed.body);
      const again = await loginAs(t.app, 'vptp', 'Mat-khau-rieng-2026');
      assert.equal((await again.get('/api/staff')).statusCode, 200);
      const reset = await admin.send('POST', `/api/users/${userId}/reset-password`, { newPassword: 'Cap-lai-2026-x' });
      assert.equal(reset.statusCode, 204, reset.body);
      const afterReset = await loginAs(t.app, 'vptp', 'Cap-lai-2026-x');
      expectBlocked(await afterReset.get('/api/staff'));
    });
  });
}
