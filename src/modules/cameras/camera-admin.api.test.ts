import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { openLiveSocket } from '../../../test/helpers/live-ws';
import { FakeOnvifDevice } from '../../../test/onvif/fake-onvif-device';
import { cameraServices } from './services';
import { waitFor } from '../../../test/helpers/wait';

/**
 * Camera administration on a whole server with the demo agency: privacy masks through the camera API (validation,
 * audit, masked live view, no recording restart), view grants (role and unit scope of the grantor and the grantee,
 * expiry, reason, audit, an open view cut on revocation) and ONVIF discovery against a fake device (the probe goes
 * to 127.0.0.1 through KC_ONVIF_PROBE_ADDRESS; the multicast path itself is covered in onvif/onvif.test.ts).
 */
type Cam = { id: string; locationType: string; version: number; privacyMasks: number[][][]; [k: string]: unknown };

function assertError(res: { statusCode: number; json(): Record<string, unknown>; body: string }, status: number, code: string) {
  assert.equal(res.statusCode, status, res.body);
  const body = res.json();
  assert.equal(body.code, code, res.body);
  assert.ok(typeof body.message_vi === 'string' && typeof body.message_en === 'string' && 'details' in body === (body.details !== undefined));
}

/** A leader's grants only: the demo inspection under way also holds system grants on the commune's cameras. */
interface GrantItem {
  grantedFor: unknown;
  username: string;
  reason: string;
  validUntil: string | null;
  grantedBy: string;
}
function leadersGrants(items: GrantItem[]): GrantItem[] {
  return items.filter((g) => g.grantedFor === null);
}

/** The editable fields of a camera as the web form sends them back. */
function editBody(c: Cam, privacyMasks: unknown) {
  return {
    name: c.name,
    locationType: c.locationType,
    unitId: c.unitId,
    mainUrl: c.mainUrl,
    subUrl: c.subUrl,
    direction: c.direction,
    recognitionAllowed: c.recognitionAllowed,
    enabled: c.enabled,
    segmentSeconds: c.segmentSeconds,
    retentionDays: c.retentionDays,
    quotaBytes: c.quotaBytes,
    privacyMasks,
    version: c.version,
  };
}

for (const kind of dbKinds()) {
  describe(`camera administration API [${kind}]`, () => {
    let t: TestApp;
    let dev: FakeOnvifDevice;
    let manager: Session;
    let leader: Session;
    let homeAffairs: Session;
    let unitHead: Session;
    let staff: Session;
    let otherCommune: Session;
    const cams: Record<string, Cam> = {};

    before(async () => {
      dev = await FakeOnvifDevice.start();
      t = await startTestApp(kind, { env: { KC_ONVIF_PROBE_ADDRESS: '127.0.0.1', KC_ONVIF_PROBE_PORT: String(dev.udpPort) } });
      manager = await loginAs(t.app, 'chanhvp');
      leader = await loginAs(t.app, 'chutich');
      homeAffairs = await loginAs(t.app, 'noivu');
      unitHead = await loginAs(t.app, 'truongphong');
      staff = await loginAs(t.app, 'canbo');
      otherCommune = await loginAs(t.app, 'chutichtp');
      for (const c of (await manager.get('/api/cameras')).json().items as Cam[]) cams[c.locationType] = c;
    });
    after(async () => {
      await t?.close();
      await dev?.stop();
    });

    describe('privacy masks', () => {
      it('refuses polygons with fewer than 3 points or coordinates outside [0, 1], and changes nothing', async () => {
        const park = cams.PARKING as Cam;
        const bad: unknown[] = [
          [[[0.1, 0.1], [0.5, 0.5]]],
          [[[0.1, 0.1], [1.2, 0.1], [0.5, 0.5]]],
          [[[-0.1, 0.1], [0.9, 0.1], [0.5, 0.5]]],
          [[[0.1, 0.1], [0.9, 0.1], ['x', 0.5]]],
          [[[0.1, 0.1, 0.2], [0.9, 0.1], [0.5, 0.5]]],
        ];
        for (const masks of bad) assertError(await manager.send('PATCH', `/api/cameras/${park.id}`, editBody(park, masks)), 400, 'VALIDATION_FAILED');
        const now = (await manager.get(`/api/cameras/${park.id}`)).json() as Cam;
        assert.equal(now.version, park.version);
        assert.deepEqual(now.privacyMasks, []);
      });

      it('saves normalised polygons, audits what changed, keeps recording running and cuts open views so they reconnect masked', async () => {
        const park = cams.PARKING as Cam;
        const { runtime } = cameraServices(t.ctx);
        await waitFor('parking camera online', async () => (runtime.state(park.id)?.kind === 'online' ? true : undefined), 40_000);
        const since = runtime.state(park.id)?.since;
        // noivu has camera.live but not footage.raw: without masks the view is the plain stream.
        const before = await openLiveSocket(t, homeAffairs, park.id);
        assert.equal(before.hello.masked, false);

        const polygon = [[0.1, 0.2], [0.6, 0.2], [0.6, 0.7], [0.1, 0.7]];
        const res = await manager.send('PATCH', `/api/cameras/${park.id}`, editBody(park, [polygon]));
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual(res.json().privacyMasks, [polygon]);
        assert.equal(await before.closed, 4001, 'the unmasked view was closed for reconnection');
        assert.ok(before.messages.some((m) => m.type === 'reconfigured'));
        assert.equal(runtime.state(park.id)?.since, since, 'a mask edit does not restart the recording worker');

        const audit = await t.ctx.db.query<{ actor_name: string; details: { changed: string[]; privacyMasks: unknown } }>(
          "SELECT actor_name, details FROM audit_log WHERE action = 'cameras.update' AND entity_id = $1 ORDER BY seq DESC LIMIT 1",
          [park.id],
        );
        assert.equal(audit[0]?.actor_name, 'chanhvp');
        assert.deepEqual(audit[0]?.details.changed, ['privacy_masks']);
        assert.deepEqual(audit[0]?.details.privacyMasks, { before: 0, after: 1 });

        const masked = await openLiveSocket(t, homeAffairs, park.id);
        assert.equal(masked.hello.masked, true);
        masked.terminate();
        const raw = await openLiveSocket(t, leader, park.id);
        assert.equal(raw.hello.masked, false, 'the chairman holds footage.raw');
        raw.terminate();
        cams.PARKING = res.json() as Cam;
      });

      it('gives the manager the snapshot for drawing; a stale version is refused', async () => {
        const park = cams.PARKING as Cam;
        const snap = await manager.send('POST', `/api/cameras/${park.id}/test`);
        assert.equal(snap.statusCode, 200, snap.body);
        assert.match(snap.json().snapshot, /^data:image\/jpeg;base64,/);
        assert.equal(snap.json().snapshotWithheld, false);
        assert.equal((await homeAffairs.send('POST', `/api/cameras/${park.id}/test`)).statusCode, 403);
        const stale = await manager.send('PATCH', `/api/cameras/${park.id}`, { ...editBody(park, []), version: park.version - 1 });
        assertError(stale, 409, 'VERSION_CONFLICT');
      });
    });

    describe('view grants', () => {
      const reason = 'Theo dõi cổng trong thời gian Chủ tịch đi công tác';

      it('lists candidates only from the leader scope, accent-insensitive; refuses non-leaders', async () => {
        const gate = (cams.GATE as Cam).id;
        for (const q of ['nam', 'Hoàng', 'hoang van', 'TRUONGPHONG']) {
          const res = await leader.get(`/api/cameras/${gate}/grant-candidates?q=${encodeURIComponent(q)}`);
          assert.equal(res.statusCode, 200, res.body);
          assert.deepEqual(res.json().items.map((u: { username: string }) => u.username), ['truongphong'], q);
        }
        const all = (await leader.get(`/api/cameras/${gate}/grant-candidates`)).json().items.map((u: { username: string }) => u.username);
        assert.ok(all.includes('canbo') && all.includes('noivu'));
        assert.ok(!all.includes('chutich'), 'not the leader himself');
        assert.ok(!all.includes('chutichtp') && !all.includes('admin'), 'nobody outside the commune');
        assertError(await unitHead.get(`/api/cameras/${gate}/grant-candidates?q=a`), 403, 'FORBIDDEN');
        assertError(await otherCommune.get(`/api/cameras/${gate}/grant-candidates?q=a`), 403, 'OUT_OF_SCOPE');
      });

      it('refuses bad grants with clear errors and writes nothing', async () => {
        const gate = (cams.GATE as Cam).id;
        const count = async () => (await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM camera_grants'))[0]?.n;
        const n0 = await count();
        const u = t.demo.users;
        const past = new Date(Date.now() - 60_000).toISOString();
        const cases: Array<[Session, unknown, number, string]> = [
          [leader, { userId: u.truongphong }, 400, 'VALIDATION_FAILED'],
          [leader, { userId: u.truongphong, reason: 'ngắn' }, 400, 'VALIDATION_FAILED'],
          [leader, { userId: 'not-a-uuid', reason }, 400, 'VALIDATION_FAILED'],
          [leader, { userId: '00000000-0000-4000-8000-000000000000', reason }, 404, 'NOT_FOUND'],
          [leader, { userId: u.truongphong, reason, validUntil: past }, 400, 'EXPIRY_IN_PAST'],
          [leader, { userId: u.truongphong, reason, validUntil: 'ngày mai' }, 400, 'VALIDATION_FAILED'],
          [leader, { userId: u.truongphong, reason, canLive: false, canPlayback: false }, 400, 'NOTHING_GRANTED'],
          [leader, { userId: u.chutich, reason }, 400, 'GRANT_TO_SELF'],
          [leader, { userId: u.chutichtp, reason }, 403, 'GRANTEE_OUT_OF_SCOPE'],
          [otherCommune, { userId: u.truongphong, reason }, 403, 'OUT_OF_SCOPE'],
          [staff, { userId: u.truongphong, reason }, 403, 'FORBIDDEN'],
          [manager, { userId: u.truongphong, reason, extra: 1 }, 400, 'VALIDATION_FAILED'],
        ];
        for (const [s, body, status, code] of cases) assertError(await s.send('POST', `/api/cameras/${gate}/grants`, body), status, code);
        assert.equal(await count(), n0);
      });

      it('grants live viewing with a reason and expiry, the grantee watches (masked), a revocation cuts the open view', async () => {
        const gate = (cams.GATE as Cam).id;
        assertError(await unitHead.get(`/api/cameras/${gate}/live`), 403, 'FORBIDDEN');
        const validUntil = new Date(Date.now() + 86_400_000).toISOString();
        const res = await leader.send('POST', `/api/cameras/${gate}/grants`, { userId: t.demo.users.truongphong, canLive: true, validUntil, reason });
        assert.equal(res.statusCode, 201, res.body);
        const grantId = res.json().id as string;
        const list = leadersGrants((await leader.get(`/api/cameras/${gate}/grants`)).json().items);
        assert.equal(list.length, 1);
        assert.equal(list[0]?.username, 'truongphong');
        assert.equal(list[0]?.reason, reason);
        assert.equal(list[0]?.validUntil, validUntil);
        assert.match(list[0]?.grantedBy ?? '', /Chủ tịch/);
        // No menu leads a grantee to the wall: the in-app notice carries the link.
        const notes = await t.ctx.db.query<{ title: string; link: string }>("SELECT title, link FROM notifications WHERE user_id = $1 AND kind = 'cameras.grant'", [
          t.demo.users.truongphong,
        ]);
        assert.equal(notes.length, 1);
        assert.equal(notes[0]?.link, `/live/shared?camera=${gate}`);
        assert.match(notes[0]?.title ?? '', /Được cấp quyền xem trực tiếp camera/);

        const mine = ((await unitHead.get('/api/cameras')).json().items as Array<Cam & { rights: Record<string, boolean> }>).find((c) => c.id === gate);
        assert.deepEqual(mine?.rights, { live: true, playback: false, raw: false, manage: false, export: false, grant: false });
        // A grantee cannot pass the camera on.
        assertError(await unitHead.send('POST', `/api/cameras/${gate}/grants`, { userId: t.demo.users.canbo, reason }), 403, 'FORBIDDEN');

        const view = await openLiveSocket(t, unitHead, gate);
        assert.ok(view.binary() >= 2);
        const del = await leader.send('DELETE', `/api/cameras/${gate}/grants/${grantId}`, { reason: 'Chủ tịch đã về cơ quan' });
        assert.equal(del.statusCode, 204, del.body);
        assert.equal(await view.closed, 4403, 'the open view is closed at once');
        assert.ok(view.messages.some((m) => m.type === 'revoked'));
        assertError(await unitHead.get(`/api/cameras/${gate}/live`), 403, 'FORBIDDEN');
        assertError(await leader.send('DELETE', `/api/cameras/${gate}/grants/${grantId}`), 404, 'NOT_FOUND');
        assert.equal(leadersGrants((await leader.get(`/api/cameras/${gate}/grants`)).json().items).length, 0);

        const audit = await t.ctx.db.query<{ action: string; actor_name: string; reason: string; details: Record<string, unknown> }>(
          "SELECT action, actor_name, reason, details FROM audit_log WHERE action IN ('cameras.grant', 'cameras.revoke_grant') AND entity_id = $1 ORDER BY seq",
          [gate],
        );
        // The demo inspection's system grant on this camera is audited too (its own test: inspections.cameras.api).
        const leaders = audit.filter((a) => a.actor_name === 'chutich');
        assert.deepEqual(leaders.map((a) => [a.action, a.actor_name, a.reason]), [
          ['cameras.grant', 'chutich', reason],
          ['cameras.revoke_grant', 'chutich', 'Chủ tịch đã về cơ quan'],
        ]);
        assert.equal(leaders[0]?.details.userId, t.demo.users.truongphong);
        assert.equal(leaders[0]?.details.validUntil, validUntil);
      });

      it('a new grant replaces the open one; an expired grant stops working', async () => {
        const desk = (cams.ONE_STOP as Cam).id;
        const first = await homeAffairs.send('POST', `/api/cameras/${desk}/grants`, { userId: t.demo.users.canbo, canLive: true, canPlayback: true, reason });
        assert.equal(first.statusCode, 201, first.body);
        const second = await homeAffairs.send('POST', `/api/cameras/${desk}/grants`, {
          userId: t.demo.users.canbo,
          canLive: true,
          validUntil: new Date(Date.now() + 1500).toISOString(),
          reason,
        });
        assert.equal(second.statusCode, 201, second.body);
        assert.deepEqual(second.json().replaced, [first.json().id]);
        assert.equal(leadersGrants((await homeAffairs.get(`/api/cameras/${desk}/grants`)).json().items).length, 1);
        assert.notEqual((await staff.get(`/api/cameras/${desk}/live`)).statusCode, 403, 'allowed while the grant holds');
        await new Promise((r) => setTimeout(r, 1700));
        assertError(await staff.get(`/api/cameras/${desk}/live`), 403, 'FORBIDDEN');
        assert.equal(leadersGrants((await homeAffairs.get(`/api/cameras/${desk}/grants`)).json().items).length, 0);
      });
    });

    describe('ONVIF discovery', () => {
      it('is for camera managers only', async () => {
        for (const s of [leader, staff]) assertError(await s.send('POST', '/api/cameras/discover', {}), 403, 'FORBIDDEN');
        assertError(await leader.send('POST', '/api/cameras/discover/streams', { xaddr: dev.deviceXAddr }), 403, 'FORBIDDEN');
      });

      it('finds the device, proposes its RTSP addresses with a digest login, audits both, never echoes the password', async () => {
        assertError(await manager.send('POST', '/api/cameras/discover/streams', { xaddr: dev.deviceXAddr }), 400, 'ONVIF_UNKNOWN_DEVICE');
        const found = await manager.send('POST', '/api/cameras/discover', { timeoutMs: 800 });
        assert.equal(found.statusCode, 200, found.body);
        const items = found.json().items as Array<Record<string, unknown>>;
        assert.equal(items.length, 1);
        assert.equal(items[0]?.name, 'Camera cổng phụ');
        assert.equal(items[0]?.hardware, 'DS-2CD2143G2-I');
        assert.equal(items[0]?.location, 'Thông Thụ, cổng phụ');
        // The demo cameras stream from 127.0.0.1 too: the list flags a device on a host that already has a camera.
        assert.equal(items[0]?.alreadyAdded, true);
        assert.deepEqual(found.json().target, { address: '127.0.0.1', port: dev.udpPort });

        const bad = [{ xaddr: 'ftp://127.0.0.1/x' }, { xaddr: dev.deviceXAddr, extra: true }, {}];
        for (const b of bad) assertError(await manager.send('POST', '/api/cameras/discover/streams', b), 400, 'VALIDATION_FAILED');
        const wrong = await manager.send('POST', '/api/cameras/discover/streams', { xaddr: dev.deviceXAddr, username: 'admin', password: 'sai-mat-khau' });
        assertError(wrong, 422, 'ONVIF_AUTH_FAILED');
        assert.ok(!wrong.body.includes('sai-mat-khau'));

        const ok = await manager.send('POST', '/api/cameras/discover/streams', { xaddr: dev.deviceXAddr, username: 'admin', password: 'Cam@2026' });
        assert.equal(ok.statusCode, 200, ok.body);
        assert.equal(ok.json().mainUrl, 'rtsp://127.0.0.1:8554/Streaming/Channels/101');
        assert.equal(ok.json().subUrl, 'rtsp://127.0.0.1:8554/Streaming/Channels/102');
        assert.equal(ok.json().device.name, 'Camera cổng phụ');
        assert.ok(!ok.body.includes('Cam@2026'));

        const audit = await t.ctx.db.query<{ action: string; details: unknown }>(
          "SELECT action, details FROM audit_log WHERE action IN ('cameras.discover', 'cameras.onvif_streams') ORDER BY seq",
        );
        assert.deepEqual(audit.map((a) => a.action), ['cameras.discover', 'cameras.onvif_streams']);
        assert.ok(!JSON.stringify(audit).includes('Cam@2026'));
      });
    });
  });
}
