import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { recordBlobOwner } from '../../platform/blob-owners/blob-owners';
import { addDays, localDateOf } from '../../platform/time';
import { ingestPunch } from './punches.service';
import { hashSourceToken } from './source-auth';

/** Bytes that pass the JPEG check (start of image … end of image); the server never decodes them. */
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

/**
 * Punches only from where they can come from (issue 11: F1 punch evidence, F2, F6, F9, F12 sources). The probe's
 * reproductions are the first tests of each block; they failed before the change (ingest accepted a session user's
 * forged items, heartbeats had no scope, a poison item returned 500, any blob key was served through a punch).
 */
for (const kind of dbKinds()) {
  describe(`punch sources and device ingest [${kind}]`, () => {
    let t: TestApp;
    let chanhvp: Session;
    let chutichtp: Session;
    let canbo: Session;
    let admin: Session;
    let tt: string;
    let tp: string;
    let ttPerson: string;
    let tpPerson: string;
    let ttToken: string;
    let tpToken: string;
    const yesterday = () => addDays(localDateOf(new Date()), -1);

    const device = (token: string | null, method: 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({
        method,
        url,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json', ...headers },
        payload: payload === undefined ? undefined : Buffer.isBuffer(payload) ? payload : JSON.stringify(payload),
      });
    const ingest = (token: string | null, items: unknown[]) => device(token, 'POST', '/api/attendance/punches/ingest', { items });
    const outcomes = (res: LightMyRequestResponse) => res.json().results.map((r: { status: string; code?: string }) => r.code ?? r.status);
    const auditCount = async (action: string, entityId?: string) =>
      (
        await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = $1 ${entityId ? 'AND entity_id = $2' : ''}`, [
          action,
          ...(entityId ? [entityId] : []),
        ])
      )[0]?.n ?? 0;

    before(async () => {
      t = await startTestApp(kind);
      [chanhvp, chutichtp, canbo, admin] = (await Promise.all(['chanhvp', 'chutichtp', 'canbo', 'admin'].map((u) => loginAs(t.app, u)))) as [
        Session,
        Session,
        Session,
        Session,
      ];
      tt = t.demo.units['TT-UBND'] as string;
      tp = t.demo.units['TP-UBND'] as string;
      ttPerson = t.demo.persons.TT005 as string;
      tpPerson = t.demo.persons.TP001 as string;
      const a = await chanhvp.send('POST', '/api/attendance/sources', { id: 'term-tt-test', kind: 'DEVICE', name: 'Máy chấm công thử TT', unitId: tt });
      assert.equal(a.statusCode, 201, a.body);
      ttToken = a.json().token;
      const b = await admin.send('POST', '/api/attendance/sources', { id: 'term-tp-test', kind: 'DEVICE', name: 'Máy chấm công thử TP', unitId: tp });
      assert.equal(b.statusCode, 201, b.body);
      tpToken = b.json().token;
    });
    after(async () => t.close());

    it('F2 (probe): a signed-in manager cannot post device punches: not as the gate camera, not for a colleague, not for themselves, not in the future', async () => {
      const at = `${yesterday()}T07:20:00+07:00`;
      const forged = [
        { source: 'gate-tt-01', sourceEventId: 'forged-1', personId: ttPerson, at, direction: 'IN', sourceKind: 'CAMERA', confidence: 0.99 },
        { source: 'gate-tt-01', sourceEventId: 'forged-own', personId: t.demo.persons.TT002, at },
        { source: 'gate-tt-01', sourceEventId: 'forged-future', personId: ttPerson, at: new Date(Date.now() + 13 * 86_400_000).toISOString(), receivedAt: new Date(Date.now() + 13 * 86_400_000).toISOString() },
      ];
      const res = await chanhvp.send('POST', '/api/attendance/punches/ingest', { items: forged });
      assert.equal(res.statusCode, 403, res.body);
      assert.equal(res.json().code, 'DEVICE_ENDPOINT_ONLY');
      assert.match(res.json().message_vi, /thủ công/);
      const stored = await t.ctx.db.query("SELECT 1 FROM punches WHERE source_event_id LIKE 'forged-%'");
      assert.equal(stored.length, 0);
      // The same user with a device token as well is still a person, not a device.
      const both = await t.app.inject({
        method: 'POST',
        url: '/api/attendance/punches/ingest',
        headers: { cookie: chanhvp.cookie, 'x-csrf-token': chanhvp.csrf, authorization: `Bearer ${ttToken}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ items: forged.slice(0, 1) }),
      });
      assert.equal(both.statusCode, 403);
      // What a person may do instead: a manual punch (reason, not for oneself, audited).
      const self = await chanhvp.send('POST', '/api/attendance/punches/manual', { personId: t.demo.persons.TT002, at, reason: 'tự chấm cho mình' });
      assert.equal(self.statusCode, 403);
    });

    it('no token, a wrong token or a rotated token: 401; the new token works', async () => {
      const item = { sourceEventId: `rot-${randomUUID()}`, personId: ttPerson, at: `${yesterday()}T07:21:00+07:00` };
      assert.equal((await ingest(null, [item])).statusCode, 401);
      assert.equal((await ingest('kcs_not-a-real-token', [item])).json().code, 'SOURCE_UNAUTHENTICATED');
      const rotated = await chanhvp.send('POST', '/api/attendance/sources/term-tt-test/token');
      assert.equal(rotated.statusCode, 200, rotated.body);
      const old = ttToken;
      ttToken = rotated.json().token;
      assert.notEqual(ttToken, old);
      assert.equal((await ingest(old, [item])).statusCode, 401);
      const ok = await ingest(ttToken, [item]);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(outcomes(ok), ['ACCEPTED']);
      assert.equal(await auditCount('attendance.source_token_rotate', 'term-tt-test'), 1);
      // A manager of another commune cannot rotate (and so cannot take over) this device.
      assert.equal((await chutichtp.send('POST', '/api/attendance/sources/term-tt-test/token')).statusCode, 403);
      const [row] = await t.ctx.db.query<{ token_hash: string }>("SELECT token_hash FROM punch_sources WHERE id = 'term-tt-test'");
      assert.equal(row?.token_hash, hashSourceToken(ttToken), 'only the hash is stored');
    });

    it('a device punches persons of its own unit only, under its own source only, with an audit row per accepted punch', async () => {
      const at = `${yesterday()}T07:22:00+07:00`;
      const id = `dev-${randomUUID()}`;
      const res = await ingest(ttToken, [
        { sourceEventId: id, personId: ttPerson, at, direction: 'IN' },
        { sourceEventId: id, personId: ttPerson, at, direction: 'IN' },
        { source: 'term-tt-test', sourceEventId: `${id}-b`, personId: tpPerson, at },
        { source: 'gate-tt-01', sourceEventId: `${id}-c`, personId: ttPerson, at },
        { sourceEventId: `${id}-d`, personId: ttPerson, at, sourceKind: 'CAMERA' },
        { sourceEventId: `${id}-e`, personId: ttPerson, at, receivedAt: at },
        { sourceEventId: `${id}-f`, personId: ttPerson, at: new Date(Date.now() + 3_600_000).toISOString() },
      ]);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(outcomes(res), ['ACCEPTED', 'DUPLICATE', 'OUT_OF_SCOPE', 'SOURCE_MISMATCH', 'PUNCH_INVALID', 'PUNCH_INVALID', 'PUNCH_IN_FUTURE']);
      assert.deepEqual(res.json().results[5].details, [{ path: 'receivedAt', problem: 'set by the server, never by a device' }]);
      const punchId = res.json().results[0].punchId as string;
      const audit = await t.ctx.db.query<{ actor_name: string; details: Record<string, unknown> }>(
        "SELECT actor_name, details FROM audit_log WHERE action = 'attendance.punch_ingest' AND entity_id = $1",
        [punchId],
      );
      assert.equal(audit.length, 1, 'one audit row for the accepted punch, none for its duplicate');
      assert.equal(audit[0]?.actor_name, 'source:term-tt-test');
      assert.deepEqual([audit[0]?.details.origin, audit[0]?.details.sourceKind], ['device', 'DEVICE']);
      // The TP device cannot punch a TT person either.
      assert.deepEqual(outcomes(await ingest(tpToken, [{ sourceEventId: `${id}-g`, personId: ttPerson, at }])), ['OUT_OF_SCOPE']);
      assert.equal((await t.ctx.db.query('SELECT 1 FROM punches WHERE source_event_id LIKE $1', [`${id}%`])).length, 1);
    });

    it('F9 (probe): one poison item (NUL, year 0000, impossible date) is rejected alone; the batch answers 200', async () => {
      const at = `${yesterday()}T07:23:00+07:00`;
      const id = `poison-${randomUUID()}`;
      const res = await ingest(ttToken, [
        { sourceEventId: `${id}-1`, personId: ttPerson, at },
        { sourceEventId: 'bad\u0000', personId: ttPerson, at },
        { sourceEventId: `${id}-3`, personId: ttPerson, at: '0000-01-01T00:00:00Z' },
        { sourceEventId: `${id}-4`, personId: ttPerson, at: '2026-13-45T99:00:00Z' },
        { sourceEventId: `${id}-5`, personId: ttPerson, at, deviceTime: '0000-01-01T00:00:00Z' },
        'not an object',
        { sourceEventId: `${id}-7`, personId: ttPerson, at: `${yesterday()}T07:24:00+07:00` },
      ]);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(outcomes(res), ['ACCEPTED', 'PUNCH_INVALID', 'PUNCH_INVALID', 'PUNCH_INVALID', 'PUNCH_INVALID', 'PUNCH_INVALID', 'ACCEPTED']);
      for (const r of res.json().results.filter((x: { status: string }) => x.status === 'REJECTED')) assert.ok(r.message_vi && r.message_en);
      const stored = await t.ctx.db.query<{ source_event_id: string }>('SELECT source_event_id FROM punches WHERE source_event_id LIKE $1 ORDER BY 1', [`${id}%`]);
      assert.deepEqual(stored.map((r) => r.source_event_id), [`${id}-1`, `${id}-7`]);
      // Only a malformed envelope is a 4xx.
      assert.equal((await ingest(ttToken, [])).statusCode, 400);
      assert.equal((await device(ttToken, 'POST', '/api/attendance/punches/ingest', { items: [{}], extra: 1 })).statusCode, 400);
    });

    it('F6 (probe): a manager of another commune cannot heartbeat a source; unknown ids are never created; corrections are bounded and audited', async () => {
      const plus2h = () => new Date(Date.now() + 2 * 3_600_000).toISOString();
      const cross = await chanhvp.send('POST', '/api/attendance/sources/gate-tp-01/heartbeat', { deviceTime: plus2h() });
      assert.equal(cross.statusCode, 403, cross.body);
      assert.equal((await chanhvp.send('POST', '/api/attendance/sources/brand-new-src/heartbeat', {})).statusCode, 404);
      assert.equal((await t.ctx.db.query("SELECT 1 FROM punch_sources WHERE id = 'brand-new-src'")).length, 0);
      assert.equal((await t.ctx.db.query("SELECT 1 FROM source_heartbeats WHERE source_id = 'gate-tp-01'")).length, 0);
      // A device heartbeats as itself only.
      assert.equal((await device(ttToken, 'POST', '/api/attendance/sources/term-tt-test/heartbeat', {})).statusCode, 200);
      const other = await device(ttToken, 'POST', '/api/attendance/sources/gate-tp-01/heartbeat', {});
      assert.equal(other.json().code, 'SOURCE_MISMATCH');
      assert.equal((await device(null, 'POST', '/api/attendance/sources/term-tt-test/heartbeat', {})).statusCode, 401);
      // A manager of the source's own unit may, and every such heartbeat and the correction it opens are audited.
      let last: LightMyRequestResponse | undefined;
      for (let i = 0; i < 3; i++) {
        last = await chanhvp.send('POST', '/api/attendance/sources/gate-tt-01/heartbeat', { deviceTime: plus2h() });
        assert.equal(last.statusCode, 200, last.body);
      }
      assert.equal(last?.json().correctionOpened, true);
      assert.equal(await auditCount('attendance.source_heartbeat', 'gate-tt-01'), 3);
      assert.equal(await auditCount('attendance.clock_correction_open', 'gate-tt-01'), 1);
      const [row] = await t.ctx.db.query<{ actor_name: string }>("SELECT actor_name FROM audit_log WHERE action = 'attendance.clock_correction_open'");
      assert.equal(row?.actor_name, 'chanhvp');
      const far = await chanhvp.send('POST', '/api/attendance/sources/gate-tt-01/heartbeat', { deviceTime: new Date(Date.now() + 48 * 3_600_000).toISOString() });
      assert.equal(far.statusCode, 422);
      assert.equal(far.json().code, 'CLOCK_OFFSET_TOO_LARGE');
      // Year 0000 is refused (by the shared instant schema or the 24 h bound), never a 500.
      const year0 = await chanhvp.send('POST', '/api/attendance/sources/gate-tt-01/heartbeat', { deviceTime: '0000-01-01T00:00:00Z' });
      assert.ok([400, 422].includes(year0.statusCode), year0.body);
    });

    it('sources: a unit is required, an existing id is never taken over, the list is scoped (F12)', async () => {
      assert.equal((await chanhvp.send('POST', '/api/attendance/sources', { id: 'no-unit', kind: 'DEVICE', name: 'Không đơn vị' })).statusCode, 400);
      const takeover = await chanhvp.send('POST', '/api/attendance/sources', { id: 'gate-tp-01', kind: 'CAMERA', name: 'Chiếm', unitId: tt });
      assert.equal(takeover.statusCode, 409);
      const [gate] = await t.ctx.db.query<{ unit_id: string }>("SELECT unit_id FROM punch_sources WHERE id = 'gate-tp-01'");
      assert.equal(gate?.unit_id, tp);
      assert.equal((await chanhvp.send('PATCH', '/api/attendance/sources/gate-tp-01', { unitId: tt })).statusCode, 403);
      assert.equal((await chanhvp.send('POST', '/api/attendance/sources', { id: 'tp-by-tt', kind: 'DEVICE', name: 'x', unitId: tp })).statusCode, 403);
      const ids = async (s: Session) => (await s.get('/api/attendance/sources')).json().map((x: { id: string }) => x.id);
      const seenByTp = await ids(chutichtp);
      assert.ok(seenByTp.includes('gate-tp-01') && seenByTp.includes('term-tp-test'));
      assert.ok(!seenByTp.some((id: string) => id.includes('tt')), `Tiền Phong sees only its sources: ${seenByTp}`);
      const seenByTt = await ids(chanhvp);
      assert.ok(seenByTt.includes('gate-tt-01') && !seenByTt.includes('gate-tp-01'));
      assert.equal((await canbo.get('/api/attendance/sources')).statusCode, 403);
      const listed = (await chanhvp.get('/api/attendance/sources')).json();
      assert.ok(listed.every((s: Record<string, unknown>) => !('token' in s) && !('tokenHash' in s) && !('token_hash' in s)));
    });

    it('F1: a device uploads its evidence, references it by id, and the image is read through its owner', async () => {
      const up = await device(ttToken, 'POST', '/api/attendance/punches/evidence', JPEG, { 'content-type': 'image/jpeg' });
      assert.equal(up.statusCode, 201, up.body);
      const evidenceId = up.json().evidenceId as string;
      const [owner] = await t.ctx.db.query<{ key: string; kind: string; unit_id: string }>(
        'SELECT o.key, o.kind, o.unit_id FROM blob_owners o JOIN punch_evidence_uploads u ON u.blob_key = o.key WHERE u.id = $1',
        [evidenceId],
      );
      assert.equal(owner?.kind, 'punch_evidence');
      assert.equal(owner?.unit_id, tt);
      assert.ok(owner?.key.startsWith('punch-evidence/'), 'the key is made by the server');
      const at = `${yesterday()}T07:26:00+07:00`;
      const id = `ev-${randomUUID()}`;
      const res = await ingest(ttToken, [
        { sourceEventId: id, personId: ttPerson, at, evidenceId },
        { sourceEventId: `${id}-again`, personId: ttPerson, at, evidenceId },
        { sourceEventId: `${id}-key`, personId: ttPerson, at, evidence: { snapshotKey: owner?.key } },
      ]);
      assert.deepEqual(outcomes(res), ['ACCEPTED', 'EVIDENCE_ALREADY_USED', 'PUNCH_INVALID']);
      const punchId = res.json().results[0].punchId as string;
      const view = await chanhvp.get(`/api/attendance/punches/${punchId}/evidence`);
      assert.equal(view.statusCode, 200, view.body);
      assert.equal(view.headers['content-type'], 'image/jpeg');
      assert.deepEqual(view.rawPayload, JPEG);
      assert.equal((await canbo.get(`/api/attendance/punches/${punchId}/evidence`)).statusCode, 200, 'the person sees their own evidence');
      assert.equal((await chutichtp.get(`/api/attendance/punches/${punchId}/evidence`)).statusCode, 403);
      // Another commune's device cannot point at this upload.
      const tpUp = await device(tpToken, 'POST', '/api/attendance/punches/evidence', JPEG, { 'content-type': 'image/jpeg' });
      assert.deepEqual(outcomes(await ingest(ttToken, [{ sourceEventId: `${id}-tp`, personId: ttPerson, at, evidenceId: tpUp.json().evidenceId }])), ['EVIDENCE_UNKNOWN']);
      // Uploads: JPEG only, bounded, devices only.
      assert.equal((await device(ttToken, 'POST', '/api/attendance/punches/evidence', Buffer.from('%PDF-1.7'), { 'content-type': 'image/jpeg' })).statusCode, 400);
      const big = Buffer.concat([JPEG, Buffer.alloc(2 * 1024 * 1024)]);
      assert.equal((await device(ttToken, 'POST', '/api/attendance/punches/evidence', big, { 'content-type': 'image/jpeg' })).statusCode, 413);
      assert.equal((await device(null, 'POST', '/api/attendance/punches/evidence', JPEG, { 'content-type': 'image/jpeg' })).statusCode, 401);
    });

    it('F1 (probe): a punch naming a blob it does not own never serves it', async () => {
      // What the probe left behind: punches whose evidence key a client chose (a TP explanation attachment, a TP
      // sighting, a file nobody registered), attached to persons the reader manages.
      const put = async (key: string, owner?: { kind: string; unitId: string; personId: string | null }) => {
        await t.ctx.blobs.put(key, JPEG, 'image/jpeg');
        if (owner) await recordBlobOwner(t.ctx.db, { key, ...owner, createdBy: 'system' });
        return key;
      };
      const keys = [
        await put(`explanations/${randomUUID()}/${randomUUID()}.pdf`, { kind: 'explanation_attachment', unitId: tt, personId: ttPerson }),
        await put(`faces/sightings/2026-12-07/${randomUUID()}.jpg`, { kind: 'sighting', unitId: tp, personId: tpPerson }),
        await put(`evidence/2026/12/${randomUUID()}.jpg`),
      ];
      for (const [i, key] of keys.entries()) {
        const punchId = randomUUID();
        await t.ctx.db.query(
          `INSERT INTO punches (id, source_id, source_event_id, person_id, at, received_at, evidence_snapshot_key) VALUES ($1, 'gate-tt-01', $2, $3, now(), now(), $4)`,
          [punchId, `legacy-forged-${i}`, ttPerson, key],
        );
        const res = await chanhvp.get(`/api/attendance/punches/${punchId}/evidence`);
        assert.ok([403, 404].includes(res.statusCode), `key ${key} was served: ${res.statusCode}`);
      }
    });

    it('the in-process gate pipeline still passes its own key: the person and their managers see it, others do not', async () => {
      const key = `faces/sightings/${yesterday()}/${randomUUID()}.jpg`;
      await t.ctx.blobs.put(key, JPEG, 'image/jpeg');
      const out = await ingestPunch(t.ctx.db, {
        source: 'camera:gate-test',
        sourceEventId: randomUUID(),
        personId: ttPerson,
        at: new Date(Date.now() - 60_000),
        sourceKind: 'CAMERA',
        evidence: { snapshotKey: key },
      });
      assert.equal(out.status, 'ACCEPTED');
      assert.equal((await chanhvp.get(`/api/attendance/punches/${out.punchId}/evidence`)).statusCode, 200);
      assert.equal((await canbo.get(`/api/attendance/punches/${out.punchId}/evidence`)).statusCode, 200);
      assert.equal((await chutichtp.get(`/api/attendance/punches/${out.punchId}/evidence`)).statusCode, 403);
      const [audit] = await t.ctx.db.query<{ details: Record<string, unknown> }>("SELECT details FROM audit_log WHERE action = 'attendance.punch_ingest' AND entity_id = $1", [
        out.punchId,
      ]);
      assert.equal(audit?.details.origin, 'server');
    });
  });
}
