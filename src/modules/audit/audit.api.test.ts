import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loginAs, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { waitFor } from '../../../test/helpers/wait';

interface AuditItem {
  seq: number;
  action: string;
  unitId: string | null;
  actorName: string;
}

async function allAuditRows(s: Awaited<ReturnType<typeof loginAs>>): Promise<AuditItem[]> {
  const out: AuditItem[] = [];
  for (let page = 1; ; page++) {
    const res = await s.get(`/api/audit?page=${page}&pageSize=200`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as { total: number; items: AuditItem[] };
    out.push(...body.items);
    if (body.items.length === 0 || out.length >= body.total) return out;
  }
}

for (const kind of dbKinds()) {
  describe(`audit API [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => t?.close());

    it('F12: rows without a unit (logins, failed logins, user administration) are shown to system administrators only', async () => {
      // Every demo account signs in once and someone mistypes a username: unit-less rows exist for all communes.
      for (const u of ['chutich', 'canbo', 'chutichtp', 'noivu']) await loginAs(t.app, u);
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chutich-typo', password: 'x' } });
      const tpUnits = new Set([t.demo.units['TP-UBND'], t.demo.units['TP-VP']]);

      const tp = await allAuditRows(await loginAs(t.app, 'chutichtp'));
      const leaked = tp.filter((r) => !tpUnits.has(r.unitId ?? ''));
      assert.deepEqual(
        leaked.map((r) => `#${r.seq} ${r.action} by ${r.actorName} unit ${r.unitId}`),
        [],
        'chutichtp sees only rows of Tiền Phong units',
      );

      const tt = await allAuditRows(await loginAs(t.app, 'chutich'));
      assert.ok(tt.length > 0, 'the Thông Thụ chairman still sees the rows of his commune');
      assert.equal(tt.filter((r) => r.unitId === null).length, 0, 'a commune chairman is not a system administrator');

      const admin = await allAuditRows(await loginAs(t.app, 'admin'));
      const logins = admin.filter((r) => r.unitId === null && r.action.startsWith('auth.login'));
      assert.ok(logins.some((r) => r.actorName === 'chutichtp'));
      assert.ok(logins.some((r) => r.action === 'auth.login_failed'));
    });

    it('F10: the running server anchors the log with its own key, and verification through the API checks the anchors', async () => {
      const keyFile = t.ctx.config.audit.keyFile;
      assert.ok(keyFile.startsWith(t.ctx.config.dataDir), 'the key lives in the data directory, not in the database');
      assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
      // The demo seed wrote hundreds of rows after start: more than KC_AUDIT_ANCHOR_ROWS, so an anchor follows.
      await waitFor(
        'a signed anchor in the blob store',
        async () => {
          const names: string[] = [];
          for await (const b of t.ctx.blobs.list('audit/signed-anchors/')) names.push(path.basename(b.key));
          return names.length > 0 ? names : undefined;
        },
        20_000,
      );

      const admin = await loginAs(t.app, 'admin');
      const ok = (await admin.send('POST', '/api/audit/verify')).json();
      assert.equal(ok.ok, true, JSON.stringify(ok.problems));
      assert.ok(ok.anchors >= 1);
    });
  });
}
