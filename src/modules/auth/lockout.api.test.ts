import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';

/**
 * Issue 11, F5: the lockout must hold when wrong passwords arrive together, and its answer must not tell an
 * attacker which usernames exist.
 */
for (const kind of dbKinds()) {
  describe(`login lockout [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => t.close());

    const attempt = (username: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

    it('15 concurrent wrong passwords lock the account; the right password then gets 423', async () => {
      const answers = await Promise.all(Array.from({ length: 15 }, (_, i) => attempt('kiemtra', `Sai-mat-khau-${i}`)));
      for (const a of answers) assert.ok([401, 423].includes(a.statusCode), a.body);
      const right = await attempt('kiemtra', 'KyCuong@2026');
      assert.equal(right.statusCode, 423, right.body);
      assert.equal(right.json().code, 'ACCOUNT_LOCKED');
      assert.equal(right.cookies.length, 0, 'no session for a locked account');
      const row = await t.ctx.db.query<{ locked_until: Date | null }>('SELECT locked_until FROM users WHERE username = $1', ['kiemtra']);
      assert.ok(row[0]?.locked_until && row[0].locked_until > new Date());
      const audit = await t.ctx.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.account_locked' AND entity_id = $1`,
        [t.demo.users.kiemtra],
      );
      assert.ok((audit[0]?.n ?? 0) >= 1, 'the lock is audited');
    });

    it('an unknown username answers exactly like a real one, before and after the limit', async () => {
      // chanhvp exists, "khong-ton-tai" does not: the same five wrong passwords, then the same sixth attempt.
      const trace = async (username: string) => {
        const out: Array<{ status: number; code: string; keys: string[] }> = [];
        for (let i = 0; i < 6; i++) {
          const r = await attempt(username, `Sai-mat-khau-${i}`);
          const body = r.json();
          out.push({ status: r.statusCode, code: body.code, keys: Object.keys(body).sort() });
        }
        return out;
      };
      const real = await trace('chanhvp');
      const unknown = await trace('khong-ton-tai');
      assert.deepEqual(unknown, real);
      assert.deepEqual(
        real.map((r) => r.status),
        [401, 401, 401, 401, 401, 423],
      );
      // The unknown name's 423 carries the same details (a lockedUntil instant), nothing that says "no such user".
      const last = (await attempt('khong-ton-tai', 'x')).json();
      assert.equal(last.code, 'ACCOUNT_LOCKED');
      assert.equal(typeof last.details.lockedUntil, 'string');
      assert.deepEqual(Object.keys(last.details), ['lockedUntil']);
    });

    it('concurrent wrong passwords for an unknown name lock it too', async () => {
      await Promise.all(Array.from({ length: 15 }, (_, i) => attempt('ai-do-khac', `Sai-${i}-mat-khau`)));
      const next = await attempt('ai-do-khac', 'KyCuong@2026');
      assert.equal(next.statusCode, 423, next.body);
    });

    it('an unlock by an administrator clears the count; a right password then signs in and resets it', async () => {
      const admin = await attempt('admin', 'KyCuong@2026');
      const cookie = admin.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const csrf = admin.json().csrfToken as string;
      const unlock = await t.app.inject({
        method: 'POST',
        url: `/api/users/${t.demo.users.kiemtra}/unlock`,
        headers: { cookie, 'x-csrf-token': csrf },
      });
      assert.equal(unlock.statusCode, 200, unlock.body);
      assert.equal((await attempt('kiemtra', 'Sai-mat-khau')).statusCode, 401);
      assert.equal((await attempt('kiemtra', 'KyCuong@2026')).statusCode, 200);
      const row = await t.ctx.db.query<{ failed_attempts: number }>('SELECT failed_attempts FROM users WHERE username = $1', ['kiemtra']);
      assert.equal(row[0]?.failed_attempts, 0);
    });
  });
}
