import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { forEachDb } from '../../../test/helpers/db';
import type { Db } from '../../platform/ports/db';
import type { FaceThresholds } from '../../platform/ports/face-engine';
import { ingestPunch } from '../attendance';
import { recordConsent } from './consent.service';
import { packDescribed } from './domain/described-bytes';
import type { Described } from './domain/match';
import { learnFromGate, unlearnAnnulled } from './gallery-learning.service';
import { countLearnedTemplates, countTemplates, insertTemplate, loadGallery, templatesOf } from './templates.repo';

/**
 * The learning job over real database rows (PGlite and PostgreSQL): passes the gate stored with their description,
 * punches in the attendance module, consent records. Embeddings are hand-made (8-d unit vectors) so each rule is hit
 * on purpose; the face models' part is measured by bench/faces/learning-sim.ts.
 */
const ENGINE = 'yunet+dlib';
const T: FaceThresholds = { detection: 0.6, review: 0.9, match: 0.928, autoAccept: 0.949, autoAcceptMasked: 0.981, masked: 0.965 };
const NOW = new Date('2026-03-10T02:00:00Z');
const DAY = 86_400_000;
const actor = { id: null, name: 'Chánh Văn phòng (test)' };

/** cos θ · e[base] + sin θ · e[axis]: probes on different axes are distinct from each other (cos² θ). */
function face(base: number, deg: number, axis: number, maskedness = 0.1): Described {
  const v = new Float32Array(8);
  const r = (deg * Math.PI) / 180;
  v[base] = Math.cos(r);
  v[axis] = (v[axis] ?? 0) + Math.sin(r);
  return { full: v, upper: v, maskedness };
}

forEachDb('recognition: learning gallery job', (getDb) => {
  let unitId: string;
  const cameraId = randomUUID();
  const an = randomUUID(); // consents to gate learning
  const binh = randomUUID(); // consents to recognition only

  before(async () => {
    const db = await getDb();
    unitId = randomUUID();
    await db.query(`INSERT INTO org_units (id, code, name, unit_type, admin_level, valid_from) VALUES ($1, $2, 'Văn phòng UBND', 'KHAC', 'KHAC', '2020-01-01')`, [unitId, `L-${unitId.slice(0, 6)}`]);
    for (const [id, name] of [[an, 'Nguyễn Văn An'], [binh, 'Trần Thị Bình']] as const) {
      await db.query(`INSERT INTO persons (id, employee_code, full_name, category, unit_id, search_text) VALUES ($1, $2, $3, 'CONG_CHUC', $4, $3)`, [id, `NV-${id.slice(0, 6)}`, name, unitId]);
    }
    await recordConsent(db, actor, { personId: an, decision: 'GIVEN', noticeVersion: 'TB-2026-02', method: 'SIGNED_FORM', gateLearning: true }, new Date(NOW.getTime() - 30 * DAY));
    await recordConsent(db, actor, { personId: binh, decision: 'GIVEN', noticeVersion: 'TB-2026-02', method: 'SIGNED_FORM' }, new Date(NOW.getTime() - 30 * DAY));
    const at = new Date(NOW.getTime() - 30 * DAY);
    for (const [personId, base] of [[an, 0], [binh, 1]] as const) {
      const bare = face(base, 0, base);
      await insertTemplate(db, { personId, source: 'UPLOAD', engine: ENGINE, embedding: bare.full, upperEmbedding: bare.upper, maskedness: 0.1, at });
      await insertTemplate(db, { personId, source: 'SYNTHETIC_MASK', engine: ENGINE, embedding: bare.full, upperEmbedding: bare.upper, maskedness: 0.99, at });
    }
  });

  /** A pass as the gate stores it (with its description), and its punch when automatic or confirmed. */
  async function pass(
    db: Db,
    p: { personId: string; probe: Described; ageMs: number; verdict?: 'AUTO' | 'REVIEW'; review?: 'CONFIRMED' | 'REJECTED' | 'PENDING'; score?: number; runnerUp?: number; engine?: string; frames?: number },
  ): Promise<{ id: string; punchId: string | null }> {
    const id = randomUUID();
    const seen = new Date(NOW.getTime() - p.ageMs);
    const verdict = p.verdict ?? 'AUTO';
    const candidates = [{ personId: p.personId, score: p.score ?? 0.97 }, { personId: p.personId === an ? binh : an, score: p.runnerUp ?? 0.9 }];
    const punched = verdict === 'AUTO' || p.review === 'CONFIRMED';
    const punchId = punched
      ? (await ingestPunch(db, { source: `camera:${cameraId}`, sourceEventId: id, personId: p.personId, at: seen, sourceKind: 'CAMERA' }, { now: seen })).punchId
      : null;
    await db.query(
      `INSERT INTO face_sightings (id, camera_id, unit_id, seen_at, first_seen_at, last_seen_at, frames, verdict, person_id, score, masked,
         candidates, engine_meta, review_status, punch_id, created_at, probe_embedding)
       VALUES ($1,$2,$3,$4,$4,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$4,$14)`,
      [
        id, cameraId, unitId, seen, p.frames ?? 5, verdict, p.review === 'REJECTED' || p.review === 'PENDING' ? null : p.personId, candidates[0]?.score,
        p.probe.maskedness >= T.masked, JSON.stringify(candidates), JSON.stringify({ engine: p.engine ?? ENGINE }),
        verdict === 'REVIEW' ? (p.review ?? 'PENDING') : null, punchId, packDescribed(p.probe),
      ],
    );
    return { id, punchId };
  }

  const probeOf = async (db: Db, id: string) =>
    (await db.query<{ probe_embedding: Uint8Array | null }>('SELECT probe_embedding FROM face_sightings WHERE id = $1', [id]))[0]?.probe_embedding ?? null;

  it('learns a settled automatic pass and a confirmed review, waits for fresh passes, discards everything else', async () => {
    const db = await getDb();
    const settled = await pass(db, { personId: an, probe: face(0, 16, 2), ageMs: 4 * DAY });
    const fresh = await pass(db, { personId: an, probe: face(0, 16, 3), ageMs: 3_600_000 });
    const confirmed = await pass(db, { personId: an, probe: face(0, 20, 4), ageMs: 3_600_000, verdict: 'REVIEW', review: 'CONFIRMED', score: 0.93, runnerUp: 0.86 });
    const rejected = await pass(db, { personId: an, probe: face(0, 18, 5), ageMs: 3_600_000, verdict: 'REVIEW', review: 'REJECTED', score: 0.93 });
    const pending = await pass(db, { personId: an, probe: face(0, 18, 6), ageMs: 3_600_000, verdict: 'REVIEW', review: 'PENDING', score: 0.93 });
    const annulled = await pass(db, { personId: an, probe: face(0, 17, 7), ageMs: 5 * DAY });
    await db.query(`INSERT INTO punch_annulments (punch_id, reason) VALUES ($1, 'nhận nhầm người')`, [annulled.punchId]);
    const noConsent = await pass(db, { personId: binh, probe: face(1, 16, 2), ageMs: 4 * DAY });
    const otherEngine = await pass(db, { personId: an, probe: face(0, 16, 5), ageMs: 4 * DAY, engine: 'faceapi-tiny+dlib' });
    const tooOld = await pass(db, { personId: an, probe: face(0, 16, 6), ageMs: 8 * DAY, verdict: 'REVIEW', review: 'PENDING', score: 0.93 });

    const summary = await learnFromGate(db, { id: ENGINE, thresholds: T }, NOW);
    assert.equal(summary.learned, 2);
    assert.equal(summary.expired, 1);
    assert.deepEqual(summary.refused, { REJECTED: 1, PUNCH_NOT_STANDING: 1, NO_CONSENT: 1, ENGINE_MISMATCH: 1 });

    const learned = (await templatesOf(db, an, ENGINE)).filter((t) => t.learnedAt);
    assert.deepEqual(learned.map((t) => [t.source, t.sightingId]).sort(), [['GATE_AUTO', settled.id], ['GATE_REVIEW', confirmed.id]].sort());
    for (const used of [settled, confirmed, rejected, annulled, noConsent, otherEngine, tooOld]) assert.equal(await probeOf(db, used.id), null);
    // Still waiting: the fresh automatic pass (settle time) and the review nobody decided.
    assert.notEqual(await probeOf(db, fresh.id), null);
    assert.notEqual(await probeOf(db, pending.id), null);
    assert.deepEqual(await countTemplates(db, an), { photos: 1, synthetic: 1 });
    assert.deepEqual(await countLearnedTemplates(db, an), { learned: 2, lastLearnedAt: NOW });
    assert.equal((await countLearnedTemplates(db, binh)).learned, 0);

    const audit = await db.query<{ entity_id: string; details: { sightingId: string } }>(`SELECT entity_id, details FROM audit_log WHERE action = 'faces.template_learned'`);
    assert.deepEqual(audit.map((a) => a.details.sightingId).sort(), [settled.id, confirmed.id].sort());

    // A second run finds nothing new: the job is idempotent.
    const again = await learnFromGate(db, { id: ENGINE, thresholds: T }, NOW);
    assert.equal(again.learned, 0);
    // The learned templates are in the gate's gallery, as ordinary templates.
    assert.equal((await loadGallery(db, unitId, ENGINE)).filter((t) => t.personId === an).length, 4);

    // The settled pass' punch is annulled after all (a week later): its learned template goes.
    assert.equal(await unlearnAnnulled(db, NOW), 0);
    await db.query(`INSERT INTO punch_annulments (punch_id, reason) VALUES ($1, 'nhận nhầm người')`, [settled.punchId]);
    assert.equal(await unlearnAnnulled(db, NOW), 1);
    assert.deepEqual((await templatesOf(db, an, ENGINE)).filter((t) => t.learnedAt).map((t) => t.sightingId), [confirmed.id]);
  });

  it('keeps at most three learned templates per kind, and refuses thin margins and one-frame passes', async () => {
    const db = await getDb();
    for (let axis = 2; axis < 8; axis++) await pass(db, { personId: an, probe: face(0, 12 + axis, axis), ageMs: 4 * DAY });
    await pass(db, { personId: an, probe: face(0, 15, 3), ageMs: 4 * DAY, runnerUp: 0.96 });
    await pass(db, { personId: an, probe: face(0, 15, 4), ageMs: 4 * DAY, frames: 1 });
    const summary = await learnFromGate(db, { id: ENGINE, thresholds: T }, NOW);
    assert.equal(summary.refused.SMALL_MARGIN, 1);
    assert.equal(summary.refused.FEW_FRAMES, 1);
    assert.ok(summary.learned >= 1);
    assert.equal((await countLearnedTemplates(db, an)).learned, 3);
    assert.equal(summary.pruned, summary.learned + 1 - 3);
  });

  it('deletes learned templates when consent no longer covers gate learning, and the gallery stops using them', async () => {
    const db = await getDb();
    const out = await recordConsent(db, actor, { personId: an, decision: 'GIVEN', noticeVersion: 'TB-2026-03', method: 'DIGITAL_CONFIRMATION' }, NOW);
    assert.equal(out.templatesDeleted, 3);
    assert.deepEqual(await countTemplates(db, an), { photos: 1, synthetic: 1 });
    assert.equal((await countLearnedTemplates(db, an)).learned, 0);
    assert.equal((await loadGallery(db, unitId, ENGINE)).filter((t) => t.personId === an).length, 2);
  });
});
