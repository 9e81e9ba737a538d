import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loginAs, startTestApp, type TestApp } from '../../../test/helpers/app';
import { morningDay } from '../../../test/helpers/attendance-day';
import { dbKinds } from '../../../test/helpers/db';
import { ATTENDANCE_DAY_UPDATED } from '../attendance/attendance.events';
import { listCameras } from '../cameras';
import { resolvePendingEvidence } from './evidence.service';
import { waitFor } from '../../../test/helpers/wait';

/**
 * Evidence from real footage: the demo agency's gate camera (RTSP from the GStreamer test server, recorded by
 * ffmpeg into segments) is exported by the recording module as a hashed clip and snapshot for a late arrival, and
 * as a gate-coverage snapshot for an absence. No footage is faked.
 */

for (const kind of dbKinds()) {
  describe(`violation evidence from the gate camera [${kind}]`, () => {
    let t: TestApp;
    let gateId: string;
    before(async () => {
      // Every evidence row in the database must be this test's: the demo agency without its replayed history.
      t = await startTestApp(kind, { env: { KC_DEMO_HISTORY: 'off' } });
      const gate = (await listCameras(t.ctx.db, { enabledOnly: true })).find((c) => c.location_type === 'GATE');
      assert.ok(gate, 'the demo agency has a gate camera');
      gateId = gate.id;
    });
    after(async () => t.close());

    it('exports the clip and snapshot around the check-in, and the gate coverage of an absence', async () => {
      // Wait for 25 s of closed footage, then put the check-in 15 s before the end of it.
      const covered = await waitFor(
        'recorded gate footage',
        async () => {
          const rows = await t.ctx.db.query<{ first: Date; last: Date }>('SELECT min(started_at) AS first, max(ended_at) AS last FROM recording_segments WHERE camera_id = $1', [gateId]);
          const r = rows[0];
          return r?.first && r.last.getTime() - r.first.getTime() >= 25_000 ? r : undefined;
        },
        120_000,
      );
      const checkIn = new Date(covered.last.getTime() - 15_000);
      const start = new Date(checkIn.getTime() - 12 * 60_000);
      await t.ctx.bus.publish(ATTENDANCE_DAY_UPDATED, morningDay(t.demo.persons.TT005 as string, t.demo.units['TT-PKT'] as string, 'LATE', start, checkIn));
      // The absent colleague's session started 1 minute before the footage we know exists.
      const absentStart = new Date(checkIn.getTime() - 60_000);
      await t.ctx.bus.publish(ATTENDANCE_DAY_UPDATED, morningDay(t.demo.persons.TT004 as string, t.demo.units['TT-PKT'] as string, 'ABSENT_NO_REASON', absentStart, null));
      await t.settle();

      const r = await resolvePendingEvidence(t.ctx, { settleMs: 0 });
      assert.equal(r.failed, 0);
      const ev = await t.ctx.db.query<{ violation_id: string; kind: string; status: string; export_id: string | null; sha256: string | null; camera_id: string | null; details: { cameras?: Array<{ recording: boolean }> } }>(
        `SELECT e.violation_id, e.kind, e.status, e.export_id, e.sha256, e.camera_id, e.details FROM violation_evidence e ORDER BY e.kind`,
      );
      assert.deepEqual(ev.map((e) => `${e.kind}:${e.status}`), ['CLIP:READY', 'GATE_COVERAGE:READY', 'SNAPSHOT:READY']);
      assert.ok(ev.every((e) => e.camera_id === gateId && e.export_id && /^[0-9a-f]{64}$/.test(e.sha256 ?? '')));
      assert.deepEqual(ev.find((e) => e.kind === 'GATE_COVERAGE')?.details.cameras?.map((c) => c.recording), [true]);
      // The recording module keeps the export linked to the violation, and it verifies.
      const clip = ev.find((e) => e.kind === 'CLIP') as (typeof ev)[number];
      const links = await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM evidence_links WHERE export_id = $1 AND target_id = $2`, [clip.export_id, clip.violation_id]);
      assert.equal(links[0]?.n, 1);

      // The chairman plays the clip; the bytes are the hashed export, and the view is audited.
      const chairman = await loginAs(t.app, 'chutich');
      const detail = (await chairman.get(`/api/violations/${clip.violation_id}`)).json();
      const clipEv = detail.evidence.find((e: { kind: string }) => e.kind === 'CLIP');
      assert.equal(clipEv.playable, true);
      const res = await chairman.get(`/api/violations/${clip.violation_id}/evidence/${clipEv.id}/content`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'video/mp4');
      assert.equal(createHash('sha256').update(res.rawPayload).digest('hex'), clip.sha256);
      const audit = await t.ctx.db.query(`SELECT 1 FROM audit_log WHERE action = 'footage.view' AND entity_id = $1`, [clipEv.id]);
      assert.equal(audit.length, 1);
      // Someone outside the commune cannot.
      const other = await loginAs(t.app, 'chutichtp');
      assert.equal((await other.get(`/api/violations/${clip.violation_id}/evidence/${clipEv.id}/content`)).statusCode, 403);
    });
  });
}
