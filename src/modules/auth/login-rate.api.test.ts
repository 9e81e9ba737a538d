import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app';

describe('login rate limit', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('pglite', { seed: false, env: { KC_LOGIN_RATE_PER_MIN: '5' } });
  });
  after(async () => t.close());

  it('answers 429 in both languages once a client exceeds the attempts per minute', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } });
      codes.push(r.statusCode);
      if (r.statusCode === 429) {
        assert.equal(r.json().code, 'TOO_MANY_REQUESTS');
        assert.match(r.json().message_vi, /quá nhiều lần/);
      }
    }
    assert.deepEqual(codes, [401, 401, 401, 401, 401, 429, 429]);
  });
});
