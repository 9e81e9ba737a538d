import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';

/**
 * Issue 11, F15: what the server shows to whoever can reach its port. Metrics need a token or the loopback, health
 * keeps the data paths for administrators, the live view checks Origin, HSTS and upgrade-insecure-requests only
 * behind HTTPS.
 */

/** The part of a `ws` client the test uses. */
interface WsClient {
  terminate(): void;
}
type InjectWs = (path: string, ctx: unknown, opts?: unknown) => Promise<WsClient>;

const bilingual = (res: { json(): Record<string, unknown> }, code: string) => {
  const body = res.json();
  assert.equal(body.code, code);
  assert.equal(typeof body.message_vi, 'string');
  assert.equal(typeof body.message_en, 'string');
};

for (const kind of dbKinds()) {
  describe(`exposure on a default install [${kind}]`, () => {
    let t: TestApp;
    let admin: Session;
    let leader: Session;
    let manager: Session;
    before(async () => {
      t = await startTestApp(kind);
      admin = await loginAs(t.app, 'admin');
      leader = await loginAs(t.app, 'chutich');
      manager = await loginAs(t.app, 'chanhvp');
    });
    after(async () => t.close());

    it('/metrics answers this machine only when no token is configured', async () => {
      const local = await t.app.inject({ method: 'GET', url: '/metrics' });
      assert.equal(local.statusCode, 200);
      assert.match(local.body, /kycuong_http_request_duration_seconds/);
      const remote = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '192.168.1.50' });
      assert.equal(remote.statusCode, 403, remote.body);
      bilingual(remote, 'METRICS_LOCAL_ONLY');
      assert.ok(!remote.body.includes('kycuong_'));
      const remoteV6 = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: 'fe80::1' });
      assert.equal(remoteV6.statusCode, 403);
    });

    it('/api/health shows where the data lives to system administrators only', async () => {
      const anonymous = await t.app.inject({ method: 'GET', url: '/api/health' });
      assert.equal(anonymous.statusCode, 200);
      assert.deepEqual(Object.keys(anonymous.json()).sort(), ['status', 'version']);
      assert.ok(!anonymous.body.includes(t.ctx.config.dataDir), 'no data path');
      const chairman = await leader.get('/api/health');
      assert.deepEqual(Object.keys(chairman.json()).sort(), ['status', 'version']);
      const sysadmin = (await admin.get('/api/health')).json();
      assert.equal(sysadmin.status, 'ok');
      assert.equal(sysadmin.db, t.ctx.db.description);
      assert.equal(sysadmin.blobs, t.ctx.blobs.description);
    });

    it('the live view refuses a page from another origin, over HTTP and as a WebSocket', async () => {
      const camera = randomUUID(); // no such camera: an accepted origin then gets 404, a refused one 403
      const live = (origin?: string) =>
        t.app.inject({
          method: 'GET',
          url: `/api/cameras/${camera}/live`,
          headers: { cookie: manager.cookie, host: 'kycuong.xa.gov.vn', ...(origin ? { origin } : {}) },
        });
      const evil = await live('https://evil.example');
      assert.equal(evil.statusCode, 403, evil.body);
      bilingual(evil, 'ORIGIN_NOT_ALLOWED');
      // A sibling subdomain is the same "site" for SameSite=Lax cookies, but not the same origin.
      assert.equal((await live('http://other.xa.gov.vn')).statusCode, 403);
      assert.equal((await live('null')).statusCode, 403);
      assert.equal((await live('http://kycuong.xa.gov.vn')).statusCode, 404);
      assert.equal((await live('http://kycuong.xa.gov.vn:80')).statusCode, 404);
      assert.equal((await live()).statusCode, 404, 'non-browser clients send no Origin');

      const injectWS = (t.app as unknown as { injectWS: InjectWs }).injectWS.bind(t.app);
      const handshake = (origin: string) =>
        injectWS(`/api/cameras/${camera}/live`, { headers: { cookie: manager.cookie, host: 'localhost', origin } }).then(
          (ws) => {
            ws.terminate();
            return 'opened';
          },
          (err: Error) => err.message,
        );
      assert.match(await handshake('https://evil.example'), /403/);
      assert.match(await handshake('http://localhost'), /404/);
    });

    it('a plain-HTTP install sends neither HSTS nor upgrade-insecure-requests', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/health' });
      assert.equal(res.headers['strict-transport-security'], undefined);
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /upgrade-insecure-requests/);
    });
  });
}

describe('exposure on an HTTPS install with a metrics token and a proxy origin', () => {
  let t: TestApp;
  const token = 'metrics-token-0123456789abcdef';
  before(async () => {
    t = await startTestApp('pglite', {
      seed: false,
      env: { KC_SECURE_COOKIES: 'true', KC_METRICS_TOKEN: token, KC_ALLOWED_ORIGINS: 'https://kycuong.xa.gov.vn' },
    });
  });
  after(async () => t.close());

  it('/metrics wants the bearer token, also from this machine', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(none.statusCode, 401);
    bilingual(none, 'METRICS_TOKEN_REQUIRED');
    assert.equal(none.headers['www-authenticate'], 'Bearer');
    const wrong = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer not-the-token-at-all' } });
    assert.equal(wrong.statusCode, 401);
    const right = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.0.0.9', headers: { authorization: `Bearer ${token}` } });
    assert.equal(right.statusCode, 200);
    assert.match(right.body, /kycuong_/);
  });

  it('sends HSTS and upgrade-insecure-requests behind HTTPS', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    assert.match(String(res.headers['strict-transport-security']), /max-age=\d+/);
    assert.match(String(res.headers['content-security-policy']), /upgrade-insecure-requests/);
  });

  it('accepts an origin from the allow-list although the proxy rewrote Host', async () => {
    // No session: an accepted origin reaches the session check (401); a refused one stops before it (403).
    const live = (origin: string) =>
      t.app.inject({ method: 'GET', url: `/api/cameras/${randomUUID()}/live`, headers: { host: '127.0.0.1:8080', origin } });
    assert.equal((await live('https://kycuong.xa.gov.vn')).statusCode, 401);
    assert.equal((await live('https://evil.example')).statusCode, 403);
  });
});
