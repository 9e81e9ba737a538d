import type { Db } from '../../platform/ports/db';
import type { FaceThresholds } from '../../platform/ports/face-engine';
import { punchesOfDay } from '../attendance';
import { type AuditActor, recordAudit } from '../audit';
import { personsConsentingToGateLearning } from './consent.service';
import { unpackDescribed } from './domain/described-bytes';
import { admit, DEFAULT_LEARNING_POLICY, type LearningPolicy, type PersonTemplate, prune, type RefusalReason } from './domain/gallery-learning';
import { clearProbe, clearStaleProbes, learnedWithPunches, type ProbeRow, readyProbes } from './gallery-learning.repo';
import { deleteTemplates, insertTemplate, LEARNED_SOURCES, templatesOf } from './templates.repo';

/** Who the audit log names for templates the gate learned by itself. */
export const LEARNING_ACTOR: AuditActor = { id: null, name: 'Hệ thống (học từ lượt qua cổng)' };

/**
 * How long an automatic punch must stand before its face is learned: long enough for a wrong punch to be noticed and
 * annulled, including over a weekend (Friday's pass, Monday's complaint), and well inside the 7 days a pass'
 * description may be kept.
 */
export const SETTLE_MS = 3 * 24 * 3_600_000;

const DAY_MS = 24 * 3_600_000;

export type LearningOutcome = RefusalReason | 'ENGINE_MISMATCH' | 'REJECTED' | 'NO_PERSON' | 'PUNCH_NOT_STANDING' | 'UNREADABLE' | 'ALREADY_LEARNED';

export interface LearningSummary {
  /** Templates added. */
  learned: number;
  /** Learned templates deleted to keep each person under the cap. */
  pruned: number;
  /** Pass descriptions discarded without learning, by reason. */
  refused: Partial<Record<LearningOutcome, number>>;
  /** Descriptions discarded because they were older than 7 days. */
  expired: number;
}

export interface LearnOptions {
  policy?: LearningPolicy;
  settleMs?: number;
  /** Passes handled per run (the job runs every few minutes; a backlog drains over several runs). */
  batch?: number;
}

/**
 * The learning gallery's job (issue 14), for the running engine: every pass description the gate kept (AUTO and
 * REVIEW passes, face_sightings.probe_embedding) is used once and then cleared, learned or not:
 * - automatic punches after SETTLE_MS, if the punch still stands (not annulled, no void request);
 * - confirmed reviews (a rejected one is only discarded);
 * - only people whose latest consent is GIVEN with gate learning and who still work here;
 * - admitted by domain/gallery-learning.ts (quality, score, margin, redundancy), then pruned to the per-person cap.
 * Each learned template, its pruning and the cleared description are one transaction with an audit entry. Gates
 * reload their galleries every 30 s and pick the new templates up.
 */
export async function learnFromGate(db: Db, engine: { id: string; thresholds: FaceThresholds }, now: Date, options: LearnOptions = {}): Promise<LearningSummary> {
  const policy = options.policy ?? DEFAULT_LEARNING_POLICY;
  const summary: LearningSummary = { learned: 0, pruned: 0, refused: {}, expired: await clearStaleProbes(db, now) };
  const refuse = async (row: ProbeRow, reason: LearningOutcome) => {
    await clearProbe(db, row.id);
    summary.refused[reason] = (summary.refused[reason] ?? 0) + 1;
  };
  const rows = await readyProbes(db, now, options.settleMs ?? SETTLE_MS, options.batch ?? 200);
  const consenting = await personsConsentingToGateLearning(db, [...new Set(rows.flatMap((r) => (r.person_id ? [r.person_id] : [])))]);
  for (const row of rows) {
    if (row.review_status === 'REJECTED' || row.verdict === 'UNKNOWN' || (row.verdict === 'REVIEW' && row.review_status !== 'CONFIRMED')) {
      await refuse(row, 'REJECTED');
      continue;
    }
    // A description made by another engine lives in another space: useless to this gallery.
    if (row.engine !== engine.id) {
      await refuse(row, 'ENGINE_MISMATCH');
      continue;
    }
    if (!row.person_id) {
      await refuse(row, 'NO_PERSON');
      continue;
    }
    if (!(await punchStands(db, row))) {
      await refuse(row, 'PUNCH_NOT_STANDING');
      continue;
    }
    let probe: ReturnType<typeof unpackDescribed>;
    try {
      probe = unpackDescribed(row.probe_embedding);
    } catch {
      await refuse(row, 'UNREADABLE');
      continue;
    }
    const stored = await templatesOf(db, row.person_id, engine.id);
    // The gate may write a pass' description again while refining it: a pass is learned once.
    if (stored.some((t) => t.sightingId === row.id)) {
      await refuse(row, 'ALREADY_LEARNED');
      continue;
    }
    const own: PersonTemplate[] = stored.map((t) => ({
      id: t.id,
      full: t.full,
      upper: t.upper,
      maskedness: t.maskedness,
      learned: (LEARNED_SOURCES as readonly string[]).includes(t.source),
      at: t.learnedAt ?? t.createdAt,
    }));
    const verdict = admit(
      {
        kind: row.verdict === 'AUTO' ? 'AUTO' : 'REVIEW',
        personId: row.person_id,
        probe,
        frames: row.frames,
        reviewReason: row.review_reason,
        candidates: row.candidates,
        consentCoversLearning: consenting.has(row.person_id),
      },
      own,
      engine.thresholds,
      policy,
    );
    if (!verdict.admit) {
      await refuse(row, verdict.reason);
      continue;
    }
    const personId = row.person_id;
    await db.transaction(async (tx) => {
      const source = row.verdict === 'AUTO' ? 'GATE_AUTO' : 'GATE_REVIEW';
      const id = await insertTemplate(tx, {
        personId,
        source,
        engine: engine.id,
        embedding: probe.full,
        upperEmbedding: probe.upper,
        maskedness: probe.maskedness,
        quality: { frames: row.frames, score: row.candidates[0]?.score ?? null },
        at: now,
        // The camera is known through the pass (sighting_id); source_camera_id would break if the camera is deleted.
        sightingId: row.id,
        learnedAt: now,
      });
      const pruned = prune([...own, { id, ...probe, learned: true, at: now }], engine.thresholds, policy);
      await deleteTemplates(tx, pruned);
      await tx.query('UPDATE face_sightings SET probe_embedding = NULL WHERE id = $1', [row.id]);
      await recordAudit(
        tx,
        {
          actor: LEARNING_ACTOR,
          action: 'faces.template_learned',
          entityType: 'person',
          entityId: personId,
          unitId: row.unit_id,
          details: { sightingId: row.id, source, masked: verdict.masked, templateId: id, pruned, engine: engine.id },
        },
        now,
      );
      summary.learned++;
      summary.pruned += pruned.length;
    });
  }
  return summary;
}

/** The pass' punch exists, is not annulled and nobody asked to void it (pending or approved). */
async function punchStands(db: Db, row: ProbeRow): Promise<boolean> {
  if (!row.punch_id || !row.person_id) return false;
  const at = row.first_seen_at.getTime();
  const punches = await punchesOfDay(db, row.person_id, new Date(at - DAY_MS), new Date(at + DAY_MS));
  const punch = punches.find((p) => p.id === row.punch_id);
  return punch !== undefined && !punch.annulled && punch.voided_by === null;
}

/** Learned templates are re-checked this long after they were learned (annulments and void requests come within days). */
export const UNLEARN_WINDOW_MS = 35 * DAY_MS;

/**
 * Deletes learned templates whose pass' punch was annulled or asked to be voided after the template was learned
 * (the settle time is a bet, not a guarantee): a face that was not this person's must not stay in their gallery.
 */
export async function unlearnAnnulled(db: Db, now: Date): Promise<number> {
  const rows = await learnedWithPunches(db, new Date(now.getTime() - UNLEARN_WINDOW_MS));
  const byPerson = new Map<string, typeof rows>();
  for (const r of rows) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), r]);
  let removed = 0;
  for (const [personId, list] of byPerson) {
    const times = list.map((r) => r.first_seen_at.getTime());
    const punches = await punchesOfDay(db, personId, new Date(Math.min(...times) - DAY_MS), new Date(Math.max(...times) + DAY_MS));
    const standing = new Set(punches.filter((p) => !p.annulled && p.voided_by === null).map((p) => p.id));
    for (const r of list.filter((x) => !x.punch_id || !standing.has(x.punch_id))) {
      await db.transaction(async (tx) => {
        await deleteTemplates(tx, [r.template_id]);
        await recordAudit(tx, {
          actor: LEARNING_ACTOR,
          action: 'faces.template_unlearned',
          entityType: 'person',
          entityId: personId,
          unitId: r.unit_id,
          reason: 'PUNCH_NOT_STANDING',
          details: { templateId: r.template_id, sightingId: r.sighting_id, punchId: r.punch_id },
        }, now);
      });
      removed++;
    }
  }
  return removed;
}
