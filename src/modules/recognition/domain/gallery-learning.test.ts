import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FaceThresholds } from '../../../platform/ports/face-engine';
import { admit, DEFAULT_LEARNING_POLICY, type LearningCandidate, type PersonTemplate, prune } from './gallery-learning';

const T: FaceThresholds = { detection: 0.6, review: 0.9, match: 0.928, autoAccept: 0.95, autoAcceptMasked: 0.98, masked: 0.5 };
// Scale = autoAccept − min(review, match) = 0.05; the default margin (1 × scale) is all of it.

/** A unit vector at `deg` degrees in the first plane (cosine between two = cos of the angle between them). */
function dir(deg: number, maskedness = 0.1) {
  const r = (deg * Math.PI) / 180;
  const v = Float32Array.from([Math.cos(r), Math.sin(r), 0]);
  return { full: v, upper: v, maskedness };
}

let seq = 0;
const tpl = (deg: number, learned: boolean, maskedness = 0.1, at = new Date(2026, 0, 1 + seq)): PersonTemplate => ({ id: `t${seq++}`, learned, at, ...dir(deg, maskedness) });

const enrolled = [tpl(0, false), tpl(3, false), tpl(0, false, 0.9)];

function candidate(over: Partial<LearningCandidate> = {}): LearningCandidate {
  return {
    kind: 'AUTO',
    personId: 'an',
    probe: dir(20),
    frames: 4,
    reviewReason: null,
    candidates: [
      { personId: 'an', score: 0.97 },
      { personId: 'binh', score: 0.9 },
    ],
    consentCoversLearning: true,
    ...over,
  };
}

describe('gallery learning: admission', () => {
  it('admits a confident automatic pass of a consenting person, as a bare face', () => {
    assert.deepEqual(admit(candidate(), enrolled, T), { admit: true, masked: false });
  });

  it('admits a masked pass as a masked face', () => {
    assert.deepEqual(admit(candidate({ probe: dir(20, 0.8), candidates: [{ personId: 'an', score: 0.985 }] }), enrolled, T), { admit: true, masked: true });
  });

  it('refuses without consent to learning, whatever the evidence', () => {
    assert.deepEqual(admit(candidate({ consentCoversLearning: false }), enrolled, T), { admit: false, reason: 'NO_CONSENT' });
  });

  it('never learns a pass the liveness signal doubted, even when a reviewer confirmed the person', () => {
    assert.deepEqual(admit(candidate({ kind: 'REVIEW', reviewReason: 'LOW_LIVENESS' }), enrolled, T), { admit: false, reason: 'LOW_LIVENESS' });
  });

  it('refuses one-frame passes and people with no enrollment template', () => {
    assert.deepEqual(admit(candidate({ frames: 1 }), enrolled, T), { admit: false, reason: 'FEW_FRAMES' });
    assert.deepEqual(admit(candidate(), [tpl(0, true)], T), { admit: false, reason: 'NO_ENROLLMENT' });
  });

  it('refuses an automatic pass below the auto-accept bar (masked passes against the masked bar)', () => {
    assert.deepEqual(admit(candidate({ candidates: [{ personId: 'an', score: 0.94 }] }), enrolled, T), { admit: false, reason: 'LOW_SCORE' });
    assert.deepEqual(admit(candidate({ probe: dir(20, 0.8), candidates: [{ personId: 'an', score: 0.97 }] }), enrolled, T), { admit: false, reason: 'LOW_SCORE' });
  });

  it('learns a confirmed review above the review floor, but only when the confirmed person was the top candidate', () => {
    const review = candidate({ kind: 'REVIEW', candidates: [{ personId: 'an', score: 0.93 }, { personId: 'binh', score: 0.87 }] });
    assert.deepEqual(admit(review, enrolled, T), { admit: true, masked: false });
    const second = candidate({ kind: 'REVIEW', candidates: [{ personId: 'binh', score: 0.95 }, { personId: 'an', score: 0.93 }] });
    assert.deepEqual(admit(second, enrolled, T), { admit: false, reason: 'NOT_TOP_CANDIDATE' });
    assert.deepEqual(admit(candidate({ kind: 'REVIEW', candidates: [{ personId: 'an', score: 0.89 }] }), enrolled, T), { admit: false, reason: 'LOW_SCORE' });
  });

  it('refuses a thin lead over the runner-up (a look-alike could be learned into the wrong person)', () => {
    const thin = candidate({ candidates: [{ personId: 'an', score: 0.97 }, { personId: 'binh', score: 0.96 }] });
    assert.deepEqual(admit(thin, enrolled, T), { admit: false, reason: 'SMALL_MARGIN' });
  });

  it('refuses a face the gallery already has (nothing to learn)', () => {
    assert.deepEqual(admit(candidate({ probe: dir(1) }), enrolled, T), { admit: false, reason: 'REDUNDANT' });
  });
});

describe('gallery learning: pruning', () => {
  it('keeps at most the cap of learned templates per kind, dropping the most redundant, never an enrollment one', () => {
    const learned = [tpl(30, true), tpl(31, true), tpl(60, true), tpl(90, true)];
    const masked = [tpl(40, true, 0.9), tpl(50, true, 0.9)];
    const dropped = prune([...enrolled, ...learned, ...masked], T);
    // 30° and 31° say the same thing: one of them goes, the older on the tie of their mutual similarity.
    assert.deepEqual(dropped, [learned[0]?.id]);
  });

  it('drops the oldest of equally redundant learned templates', () => {
    const a = tpl(45, true, 0.1, new Date(2026, 5, 1));
    const b = tpl(45, true, 0.1, new Date(2026, 4, 1));
    const c = tpl(45, true, 0.1, new Date(2026, 6, 1));
    const d = tpl(45, true, 0.1, new Date(2026, 7, 1));
    assert.deepEqual(prune([...enrolled, a, b, c, d], T, { ...DEFAULT_LEARNING_POLICY, capPerKind: 2 }), [b.id, a.id]);
  });
});
