import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, startTestApp, type TestApp } from '../../../test/helpers/app';

describe('account administration', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('pglite');
  });
  after(async () => t.close());

  it('a new account must change its first password; a duplicate role is refused', async () => {
    const admin = await loginAs(t.app, 'admin');
    const created = await admin.send('POST', '/api/users', {
      username: 'nguoimoi',
      displayName: 'Người Mới',
      password: 'Tam-thoi-2026',
      roles: [{ role: 'unit_head', unitId: t.demo.units['TT-VP'] }],
    });
    assert.equal(created.statusCode, 201, created.body);
    const s = await loginAs(t.app, 'nguoimoi', 'Tam-thoi-2026');
    assert.equal((await s.get('/api/auth/me')).json().mustChangePassword, true);
    assert.equal((await s.send('POST', '/api/auth/password', { currentPassword: 'Tam-thoi-2026', newPassword: 'short' })).statusCode, 400);
    assert.equal((await s.send('POST', '/api/auth/password', { currentPassword: 'Tam-thoi-2026', newPassword: 'Mat-khau-rieng-2026' })).statusCode, 204);
    const again = await loginAs(t.app, 'nguoimoi', 'Mat-khau-rieng-2026');
    assert.equal((await again.get('/api/auth/me')).json().mustChangePassword, false);
    const dup = await admin.send('POST', `/api/users/${created.json().id}/roles`, { role: 'unit_head', unitId: t.demo.units['TT-VP'] });
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json().code, 'ROLE_EXISTS');
  });

  it('unit detail counts the unit’s staff', async () => {
    const admin = await loginAs(t.app, 'admin');
    const d = (await admin.get(`/api/org/units/${t.demo.units['TT-PKT']}`)).json();
    assert.ok(d.staffCount >= 2);
  });
});
