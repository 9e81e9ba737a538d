import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

// A private web build for this test (KC_WEB_DIST), so a concurrent `vite build` cannot interfere.
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-dist-'));
fs.mkdirSync(path.join(dist, 'assets'));
fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Kỷ Cương</title>');
fs.writeFileSync(path.join(dist, 'assets', 'app-1.js'), 'console.log(1)');
const { startTestApp } = await import('../../test/helpers/app');

describe('web app serving', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  before(async () => {
    t = await startTestApp('pglite', { seed: false, env: { KC_WEB_DIST: dist } });
  });
  after(async () => {
    await t.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('serves client-side routes with index.html and assets with their type', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/staff/123' });
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    const js = await t.app.inject({ method: 'GET', url: '/assets/app-1.js' });
    assert.equal(js.statusCode, 200);
    assert.match(js.headers['content-type'] as string, /javascript/);
  });

  it('serves assets added after start (a rebuild) and answers 404, not HTML, for a missing asset', async () => {
    fs.writeFileSync(path.join(dist, 'assets', 'app-2.js'), 'console.log(2)');
    assert.equal((await t.app.inject({ method: 'GET', url: '/assets/app-2.js' })).statusCode, 200);
    const missing = await t.app.inject({ method: 'GET', url: '/assets/app-0.js' });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().code, 'ROUTE_NOT_FOUND');
  });
});
