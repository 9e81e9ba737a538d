import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { grantForInspection } from '../cameras';
import { assertError, hoursFromNow, inspection, judgeAll, unit } from './test/fixtures';

/**
 * Camera-backed checks through cameras' system grants: starting the inspection lets the team (an inspector, who has
 * no camera.live by role) watch the inspected unit's cameras live until the planned end; the minutes end it; another
 * unit's camera stays closed; every grant and revocation is audited; the grants panel shows where a grant came from.
 */

/** The part of a `ws` client socket the test uses (the package ships no types here). */
interface WsClient {
  on(event: 'message', fn: (data: Buffer, isBinary: boolean) => void): void;
  terminate(): void;
}

/**
 * Asks the live route for a WebSocket and returns the HTTP answer: 101 when it opened (the socket is closed at
 * once), or the refusal's status (403 no right; 409 the camera is not running here, which is past the access check).
 */
async function liveStatus(t: TestApp, s: Session, cameraId: string): Promise<number> {
  const inject = (t.app as unknown as { injectWS: (p: string, c: unknown) => Promise<WsClient> }).injectWS.bind(t.app);
  try {
    const ws = await inject(`/api/cameras/${cameraId}/live`, { headers: { cookie: s.cookie } });
    ws.terminate();
    return 101;
  } catch (err) {
    const m = /(\d{3})/.exec(String(err));
    assert.ok(m, `unexpected live failure: ${String(err)}`);
    return Number(m[1]);
  }
}

type Cam = { id: string; liveAvailable: boolean; playbackAvailable: boolean };

for (const kind of dbKinds()) {
  describe(`inspections camera grants [${kind}]`, () => {
    let t: TestApp;
    let kiemtra: Session;
    let chutich: Session;
    let id: string;
    let cams: Cam[];
    let otherCamera: string;

    before(async () => {
      t = await startTestApp(kind, { env: { KC_DEMO_HISTORY: 'off' } });
      kiemtra = await loginAs(t.app, 'kiemtra');
      chutich = await loginAs(t.app, 'chutich');
      // The demo cameras are all xã Thông Thụ's: xã Tiền Phong gets one (disabled, so no worker starts for it).
      otherCamera = randomUUID();
      await t.ctx.db.query(
        `INSERT INTO cameras (id, name, location_type, unit_id, main_url, enabled) VALUES ($1, 'Một cửa xã Tiền Phong', 'ONE_STOP', $2, 'rtsp://127.0.0.1:9/none', false)`,
        [otherCamera, unit(t, 'TP-UBND')],
      );
      // The demo inspection under way at Thông Thụ already grants its head (this inspector) these cameras: end those
      // grants, so what follows sees this inspection's grants alone.
      await t.ctx.db.query("UPDATE camera_grants SET revoked_at = now(), revoke_reason = 'test' WHERE user_id = $1 AND revoked_at IS NULL", [t.demo.users.kiemtra]);
      // Before the start nothing is granted: the inspector has no camera.live by role.
      id = await inspection(t, kiemtra, { target: 'TT-UBND', start: false });
      const n = await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM camera_grants WHERE granted_for_id = $1", [id]);
      assert.equal(n[0]?.n, 0);
      assert.equal((await kiemtra.send('POST', `/api/inspections/${id}/start`)).statusCode, 204);
    });
    after(async () => t.close());

    it('the team may watch the inspected unit’s cameras live during the window, the grant audited', async () => {
      const res = await kiemtra.get(`/api/inspections/${id}/cameras`);
      assert.equal(res.statusCode, 200, res.body);
      cams = res.json() as Cam[];
      assert.ok(cams.length > 0, 'xã Thông Thụ has cameras in the demo agency');
      for (const c of cams) assert.deepEqual([c.liveAvailable, c.playbackAvailable], [true, true], c.id);
      const cam = cams[0] as Cam;
      // 101 with a running camera; 409 CAMERA_NOT_RUNNING is answered only after the access check passed.
      assert.ok([101, 409].includes(await liveStatus(t, kiemtra, cam.id)), 'the live route answers the team member');
      // Another unit's camera: no grant, no role.
      assert.equal(await liveStatus(t, kiemtra, otherCamera), 403);
      const audit = await t.ctx.db.query<{ entity_id: string; actor_name: string; details: { grantedFor: { type: string; id: string }; canLive: boolean } }>(
        "SELECT entity_id, actor_name, details FROM audit_log WHERE action = 'cameras.grant' AND details->'grantedFor'->>'id' = $1",
        [id],
      );
      assert.ok(audit.length >= cams.length, 'one audited grant per camera of the unit (a one-member team)');
      assert.ok(audit.every((a) => a.details.grantedFor.type === 'INSPECTION' && a.details.canLive));
      assert.ok(audit.some((a) => a.entity_id === cam.id));
    });

    it('only within its validity: after the planned end the live route refuses', async () => {
      const cam = cams[0] as Cam;
      const realNow = t.ctx.now;
      t.ctx.now = () => new Date(Date.now() + 9 * 3_600_000);
      try {
        assert.equal(await liveStatus(t, kiemtra, cam.id), 403);
      } finally {
        t.ctx.now = realNow;
      }
      assert.ok([101, 409].includes(await liveStatus(t, kiemtra, cam.id)));
    });

    it('the unit’s leader sees the grant with its reason and origin, cannot revoke it, and it never shortens', async () => {
      const cam = cams[0] as Cam;
      const res = await chutich.get(`/api/cameras/${cam.id}/grants`);
      assert.equal(res.statusCode, 200, res.body);
      const items = res.json().items as Array<{ id: string; userId: string; reason: string; validUntil: string; grantedFor: { type: string; id: string; label: string } | null }>;
      const g = items.find((x) => x.grantedFor?.id === id);
      assert.ok(g, res.body);
      assert.equal(g.userId, t.demo.users.kiemtra);
      assert.match(g.grantedFor?.label ?? '', /^Cấp theo cuộc kiểm tra “Kiểm tra công vụ tại TT-UBND” \(Quyết định số 15\/QĐ-UBND\)$/);
      assert.match(g.reason, /Kiểm tra công vụ/);
      assertError(await chutich.send('DELETE', `/api/cameras/${cam.id}/grants/${g.id}`, { reason: 'Không đồng ý' }), 409, 'GRANT_SYSTEM_MANAGED');
      // Granting again for the same inspection with an earlier end changes nothing.
      const again = await t.ctx.db.transaction((tx) =>
        grantForInspection(tx, {
          cameraId: cam.id,
          userId: t.demo.users.kiemtra as string,
          rights: { live: true, playback: false },
          validUntil: new Date(hoursFromNow(1)),
          reason: 'Kiểm tra lại',
          grantedFor: { type: 'INSPECTION', id },
          actor: { id: null, name: 'test' },
        }),
      );
      assert.deepEqual(again, { id: g.id, changed: false });
      const [row] = await t.ctx.db.query<{ valid_until: Date; can_playback: boolean }>('SELECT valid_until, can_playback FROM camera_grants WHERE id = $1', [g.id]);
      assert.equal(row?.valid_until.toISOString(), g.validUntil);
      assert.equal(row?.can_playback, true);
    });

    it('a grant whose window has not begun does not open the live view', async () => {
      const other = await inspection(t, kiemtra, { target: 'TP-UBND', start: false });
      const cam = { id: otherCamera };
      await t.ctx.db.transaction((tx) =>
        grantForInspection(tx, {
          cameraId: cam.id,
          userId: t.demo.users.kiemtra as string,
          rights: { live: true, playback: true },
          validFrom: new Date(hoursFromNow(1)),
          validUntil: new Date(hoursFromNow(3)),
          reason: 'Cửa sổ kiểm tra chưa bắt đầu',
          grantedFor: { type: 'INSPECTION', id: other },
          actor: { id: null, name: 'test' },
        }),
      );
      assert.equal(await liveStatus(t, kiemtra, cam.id), 403);
    });

    it('the minutes end the team’s view: the live route refuses, the list is empty, the revocation audited', async () => {
      await judgeAll(kiemtra, id);
      const minutes = await kiemtra.send('POST', `/api/inspections/${id}/minutes`, { representative: { name: 'Lê Văn Thành', title: 'Chủ tịch UBND xã' } });
      assert.equal(minutes.statusCode, 201, minutes.body);
      const cam = cams[0] as Cam;
      assert.equal(await liveStatus(t, kiemtra, cam.id), 403);
      assert.deepEqual((await kiemtra.get(`/api/inspections/${id}/cameras`)).json(), []);
      const open = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM camera_grants WHERE granted_for_id = $1 AND revoked_at IS NULL', [id]);
      assert.equal(open[0]?.n, 0);
      const audit = await t.ctx.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'cameras.revoke_grant' AND details->'grantedFor'->>'id' = $1",
        [id],
      );
      assert.ok((audit[0]?.n ?? 0) >= 1);
      const list = (await chutich.get(`/api/cameras/${cam.id}/grants`)).json().items as Array<{ grantedFor: { id: string } | null }>;
      assert.ok(!list.some((x) => x.grantedFor?.id === id));
    });
  });
}
