import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { RtspTestServer } from '../../../test/rtsp/rtsp-server';
import { waitFor } from '../../../test/helpers/wait';
import { cutRevokedViews, grantForInspection, revokeGrantsFor } from '.';

/**
 * The camera registry, connection test, live access and evidence API on a whole server with the demo agency
 * (its four demo cameras run from the bundled files through the GStreamer RTSP server).
 */
/** The part of a `ws` client socket the test uses (the package ships no types here). */
interface WsClient {
  on(event: 'message', fn: (data: Buffer, isBinary: boolean) => void): void;
  on(event: 'error', fn: (err: Error) => void): void;
  on(event: 'close', fn: (code: number) => void): void;
  terminate(): void;
}

/** Opens a live socket and keeps it: `video` resolves on the first binary message, `closed` with the close code and control types. */
function holdLive(t: TestApp, s: Session, cameraId: string) {
  const types: string[] = [];
  let onVideo: () => void = () => undefined;
  let onClosed: (r: { code: number; types: string[] }) => void = () => undefined;
  const video = new Promise<void>((resolve) => {
    onVideo = resolve;
  });
  const closed = new Promise<{ code: number; types: string[] }>((resolve) => {
    onClosed = resolve;
  });
  const onInit = (socket: WsClient) => {
    socket.on('message', (data, isBinary) => {
      if (isBinary) onVideo();
      else types.push(String((JSON.parse(data.toString()) as { type: string }).type));
    });
    socket.on('close', (code) => onClosed({ code, types }));
  };
  const opened = (t.app as unknown as { injectWS: (p: string, c: unknown, o: unknown) => Promise<WsClient> }).injectWS(
    `/api/cameras/${cameraId}/live`,
    { headers: { cookie: s.cookie } },
    { onInit },
  );
  return { opened, video, closed };
}

/** Opens the live socket and collects the first JSON message and whether binary video followed. */
async function openLive(t: TestApp, s: Session, cameraId: string): Promise<{ hello: Record<string, unknown>; binary: number }> {
  let ws: WsClient | undefined;
  const result = new Promise<{ hello: Record<string, unknown>; binary: number }>((resolve, reject) => {
    let hello: Record<string, unknown> | undefined;
    let binary = 0;
    const timer = setTimeout(() => {
      ws?.terminate();
      reject(new Error('no video on the live socket'));
    }, 15_000);
    // Listeners go on before the socket opens: the server greets at once.
    const onInit = (socket: WsClient) => {
      ws = socket;
      socket.on('message', (data, isBinary) => {
        if (!isBinary) {
          const msg = JSON.parse(data.toString()) as Record<string, unknown>;
          if (msg.type === 'hello') hello = msg;
        } else binary++;
        if (hello && binary >= 2) {
          clearTimeout(timer);
          socket.terminate();
          resolve({ hello, binary });
        }
      });
      socket.on('error', reject);
    };
    void (t.app as unknown as { injectWS: (p: string, c: unknown, o: unknown) => Promise<WsClient> })
      .injectWS(`/api/cameras/${cameraId}/live`, { headers: { cookie: s.cookie } }, { onInit })
      .catch(reject);
  });
  return result;
}

for (const kind of dbKinds()) {
  describe(`cameras API [${kind}]`, () => {
    let t: TestApp;
    let rtsp: RtspTestServer;
    let manager: Session;
    let leader: Session;
    let homeAffairs: Session;
    let unitHead: Session;
    let staff: Session;
    const cams: Record<string, string> = {};

    before(async () => {
      rtsp = await RtspTestServer.start({ cam: 'ball:320x240:25:25', h265: 'h265' });
      t = await startTestApp(kind);
      manager = await loginAs(t.app, 'chanhvp');
      leader = await loginAs(t.app, 'chutich');
      homeAffairs = await loginAs(t.app, 'noivu');
      unitHead = await loginAs(t.app, 'truongphong');
      staff = await loginAs(t.app, 'canbo');
      const list = (await leader.get('/api/cameras')).json().items as Array<{ id: string; locationType: string }>;
      for (const c of list) cams[c.locationType] = c.id;
    });
    after(async () => {
      await t?.close();
      await rtsp?.stop();
    });

    it('lists the four demo cameras with health for a leader and refuses staff', async () => {
      assert.deepEqual(Object.keys(cams).sort(), ['GATE', 'ONE_STOP', 'PARKING', 'RECEPTION']);
      const online = await waitFor('demo cameras online', async () => {
        const items = (await leader.get('/api/cameras')).json().items as Array<{ health: { state: string } }>;
        return items.every((c) => c.health.state === 'ONLINE') ? items : undefined;
      }, 30_000);
      assert.equal(online.length, 4);
      assert.equal((await staff.get('/api/cameras')).statusCode, 403);
    });

    it('stores credentials sealed: never returned, never in the audit log', async () => {
      const res = await manager.send('POST', '/api/cameras', {
        name: 'Cổng phụ',
        locationType: 'GATE',
        unitId: t.demo.units['TT-UBND'],
        mainUrl: `rtsp://admin:S3cret-pw!@127.0.0.1:${rtsp.port}/cam`,
        direction: 'OUT',
        recognitionAllowed: true,
        segmentSeconds: 4,
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.ok(!res.body.includes('S3cret') && !res.body.includes('admin:'), 'no credentials in the answer');
      const body = res.json();
      assert.equal(body.hasCredentials, true);
      assert.equal(body.mainUrl, `rtsp://127.0.0.1:${rtsp.port}/cam`);
      const row = (await t.ctx.db.query<{ credentials_enc: string }>('SELECT credentials_enc FROM cameras WHERE id = $1', [body.id]))[0];
      assert.ok(row?.credentials_enc.startsWith('v1:') && !row.credentials_enc.includes('S3cret'));
      const audit = await t.ctx.db.query<{ details: unknown }>("SELECT details FROM audit_log WHERE entity_type = 'camera'");
      assert.ok(!JSON.stringify(audit).includes('S3cret'));
      const one = await leader.get(`/api/cameras/${body.id}`);
      assert.ok(!one.body.includes('S3cret'));
      // The camera starts recording at once (credentials are ignored by the test server).
      await waitFor('new camera online', async () => ((await leader.get(`/api/cameras/${body.id}`)).json().health.state === 'ONLINE' ? true : undefined), 20_000);
    });

    it('refuses bad input with clear errors and changes nothing', async () => {
      const count = async () => (await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cameras'))[0]?.n;
      const before = await count();
      const base = { name: 'Thử', unitId: t.demo.units['TT-UBND'], mainUrl: `rtsp://127.0.0.1:${rtsp.port}/cam` };
      const cases: Array<[unknown, string]> = [
        [{ ...base, locationType: 'ONE_STOP', recognitionAllowed: true }, 'RECOGNITION_NOT_ALLOWED_HERE'],
        [{ ...base, locationType: 'PARKING', direction: 'IN' }, 'DIRECTION_ONLY_FOR_GATE'],
        [{ ...base, locationType: 'OTHER', mainUrl: 'http://127.0.0.1/cam' }, 'INVALID_CAMERA_URL'],
        [{ ...base, locationType: 'OTHER', mainUrl: 'rtsp://' }, 'INVALID_CAMERA_URL'],
        [{ ...base, locationType: 'OTHER', colour: 'red' }, 'VALIDATION_FAILED'],
      ];
      for (const [body, code] of cases) {
        const res = await manager.send('POST', '/api/cameras', body);
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().code, code);
        assert.ok(res.json().message_vi && res.json().message_en);
      }
      assert.equal((await unitHead.send('POST', '/api/cameras', { ...base, locationType: 'OTHER' })).statusCode, 403);
      assert.equal(await count(), before);
    });

    it('tests a connection: codec, size, frame rate and a picture, or the reason it failed', async () => {
      const ok = await manager.send('POST', '/api/cameras/test', { mainUrl: `rtsp://127.0.0.1:${rtsp.port}/cam` });
      assert.equal(ok.statusCode, 200, ok.body);
      const info = ok.json();
      assert.deepEqual([info.codec, info.width, info.height, info.fps], ['h264', 320, 240, 25]);
      assert.match(info.snapshot, /^data:image\/jpeg;base64,\/9j\//);
      const failures: Array<[string, number, string]> = [
        [`rtsp://127.0.0.1:${rtsp.port}/h265`, 422, 'CAMERA_UNSUPPORTED_CODEC'],
        [`rtsp://127.0.0.1:${rtsp.port}/nothing-here`, 422, 'CAMERA_NOT_FOUND'],
        ['rtsp://127.0.0.1:9/cam', 422, 'CAMERA_UNREACHABLE'],
        ['ftp://127.0.0.1/cam', 400, 'INVALID_CAMERA_URL'],
      ];
      for (const [url, status, code] of failures) {
        const res = await manager.send('POST', '/api/cameras/test', { mainUrl: url, username: 'u', password: 'p4ssw0rd-secret' });
        assert.equal(res.statusCode, status, `${url}: ${res.body}`);
        assert.equal(res.json().code, code);
        assert.ok(!res.body.includes('p4ssw0rd-secret'), 'the password is not echoed');
      }
    });

    it('live view: leaders get video, others get 403; viewers without footage.raw get the masked stream', async () => {
      for (const s of [unitHead, staff]) {
        const res = await s.get(`/api/cameras/${cams.GATE}/live`);
        assert.equal(res.statusCode, 403);
        assert.equal(res.json().code, 'FORBIDDEN');
      }
      const raw = await openLive(t, leader, cams.ONE_STOP as string);
      assert.equal(raw.hello.masked, false);
      const masked = await openLive(t, homeAffairs, cams.ONE_STOP as string);
      assert.equal(masked.hello.masked, true, 'noivu has camera.live but not footage.raw');
      const audit = await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'footage.live_view'");
      assert.ok((audit[0]?.n ?? 0) >= 2);
    });

    it('a leader can grant live access to someone else, and revoke it', async () => {
      const res = await leader.send('POST', `/api/cameras/${cams.GATE}/grants`, { userId: t.demo.users.truongphong, canLive: true, reason: 'Trực thay lãnh đạo' });
      assert.equal(res.statusCode, 201, res.body);
      const live = await openLive(t, unitHead, cams.GATE as string);
      assert.ok(live.binary >= 2);
      assert.equal((await unitHead.send('POST', `/api/cameras/${cams.GATE}/grants`, { userId: t.demo.users.canbo, reason: 'Trực thay lãnh đạo' })).statusCode, 403);
      assert.equal((await leader.send('DELETE', `/api/cameras/${cams.GATE}/grants/${res.json().id}`)).statusCode, 204);
      assert.equal((await unitHead.get(`/api/cameras/${cams.GATE}/live`)).statusCode, 403);
    });

    it('a system grant (an inspection’s) opens the live view and its revocation cuts the open view at once', async () => {
      const grantedFor = { type: 'INSPECTION' as const, id: randomUUID(), label: '“Thử”' };
      const actor = { id: t.demo.users.kiemtra ?? null, name: 'kiemtra' };
      await t.ctx.db.transaction((tx) =>
        grantForInspection(tx, {
          cameraId: cams.GATE as string,
          userId: t.demo.users.truongphong as string,
          rights: { live: true, playback: true },
          validUntil: new Date(Date.now() + 3_600_000),
          reason: 'Kiểm tra công vụ',
          grantedFor,
          actor,
        }),
      );
      const live = holdLive(t, unitHead, cams.GATE as string);
      await live.opened;
      await live.video;
      await t.ctx.db.transaction((tx) => revokeGrantsFor(tx, grantedFor, actor));
      assert.equal(await cutRevokedViews(t.ctx, grantedFor), 1);
      const closed = await live.closed;
      assert.equal(closed.code, 4403);
      assert.ok(closed.types.includes('revoked'), closed.types.join(','));
      assert.equal((await unitHead.get(`/api/cameras/${cams.GATE}/live`)).statusCode, 403);
    });

    it('exports, lists, downloads and verifies evidence, each view and download audited; incidents link it', async () => {
      const gate = cams.GATE as string;
      const timeline = await waitFor('12 s of footage', async () => {
        const now = new Date();
        const res = await leader.get(`/api/cameras/${gate}/timeline?from=${new Date(now.getTime() - 600_000).toISOString()}&to=${now.toISOString()}`);
        const tl = res.json() as { coverage: Array<{ from: string; to: string }> };
        const c = tl.coverage.at(-1);
        return c && Date.parse(c.to) - Date.parse(c.from) >= 12_000 ? tl : undefined;
      }, 60_000);
      const cover = timeline.coverage.at(-1) as { from: string; to: string };
      const from = new Date(Date.parse(cover.from) + 2000).toISOString();
      const to = new Date(Date.parse(cover.from) + 8000).toISOString();
      assert.equal((await staff.send('POST', '/api/evidence/clips', { cameraId: gate, from, to, reason: 'thử quyền' })).statusCode, 403);
      const clip = await leader.send('POST', '/api/evidence/clips', { cameraId: gate, from, to, reason: 'Xác minh giờ đến' });
      assert.equal(clip.statusCode, 201, clip.body);
      const id = clip.json().id as string;
      const reversed = await leader.send('POST', '/api/evidence/clips', { cameraId: gate, from: to, to: from, reason: 'Xác minh giờ đến' });
      assert.equal(reversed.json().code, 'REVERSED_RANGE');
      const list = (await leader.get('/api/evidence')).json();
      assert.ok(list.items.some((e: { id: string }) => e.id === id));
      assert.equal((await leader.get(`/api/evidence/${id}`)).statusCode, 200);
      const file = await leader.get(`/api/evidence/${id}/file`);
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['x-kc-sha256'], clip.json().sha256);
      const verify = await leader.send('POST', `/api/evidence/${id}/verify`);
      assert.equal(verify.json().ok, true);
      const actions = (await t.ctx.db.query<{ action: string; actor_name: string }>("SELECT action, actor_name FROM audit_log WHERE entity_type = 'evidence' AND entity_id = $1 ORDER BY seq", [id])).map(
        (a) => `${a.actor_name}:${a.action}`,
      );
      assert.deepEqual(actions, ['chutich:evidence.export_clip', 'chutich:evidence.view', 'chutich:evidence.download', 'chutich:evidence.verify']);

      const inc = await leader.send('POST', '/api/incidents', { unitId: t.demo.units['TT-UBND'], title: 'Mất xe máy ở bãi đỗ', description: 'Xe Honda Wave biển 37…' });
      assert.equal(inc.statusCode, 201, inc.body);
      const incId = inc.json().id as string;
      assert.equal((await leader.send('POST', `/api/incidents/${incId}/footage`, { cameraId: gate, from, to, note: 'Đã xem' })).statusCode, 201);
      assert.equal((await leader.send('POST', `/api/evidence/${id}/links`, { targetType: 'INCIDENT', targetId: incId })).statusCode, 201);
      const detail = (await leader.get(`/api/incidents/${incId}`)).json();
      assert.equal(detail.footage.length, 1);
      assert.deepEqual(detail.evidence.map((e: { id: string }) => e.id), [id]);
      const del = await manager.send('DELETE', `/api/evidence/${id}`, { reason: 'không cần nữa' });
      assert.equal(del.json().code, 'EVIDENCE_LINKED');
    });
  });
}
