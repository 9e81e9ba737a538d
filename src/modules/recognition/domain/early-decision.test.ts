import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FaceThresholds } from '../../../platform/ports/face-engine';
import { DEFAULT_PASS_POLICY, decidePass, type FrameCandidates } from './decide-pass';
import { earlyVerdict } from './early-decision';
import type { OperatingPoints } from './operating-points';

const thresholds: FaceThresholds = { detection: 0.6, review: 0.35, match: 0.4, autoAccept: 0.55, autoAcceptMasked: 0.6, masked: 0.7 };
const policy = { ...DEFAULT_PASS_POLICY, thresholds };
const f = (scores: [string, number][], maskedness = 0.3): FrameCandidates => ({ faceWidth: 150, maskedness, scores: scores.map(([personId, score]) => ({ personId, score })) });

describe('early decision', () => {
  it('punches on two agreeing frames above the bar with the margin, not on one', () => {
    const one = [f([['an', 0.7], ['binh', 0.3]])];
    assert.equal(earlyVerdict(one, policy), null);
    const two = [...one, f([['an', 0.68], ['binh', 0.3]])];
    assert.equal(earlyVerdict(two, policy)?.personId, 'an');
  });

  it('waits while frames are weak, close or disagree (the pass is then decided when it ends)', () => {
    assert.equal(earlyVerdict([f([['an', 0.5]]), f([['an', 0.52]])], policy), null, 'below the bar');
    assert.equal(earlyVerdict([f([['an', 0.7], ['binh', 0.68]]), f([['an', 0.7], ['binh', 0.67]])], policy), null, 'small margin');
    assert.equal(earlyVerdict([f([['an', 0.7], ['binh', 0.3]]), f([['binh', 0.7], ['an', 0.3]])], policy), null);
  });

  it("uses the person's own bar and the gallery's margin from the operating points", () => {
    const frames = [f([['an', 0.7], ['binh', 0.3]]), f([['an', 0.7], ['binh', 0.3]])];
    const points: OperatingPoints = {
      thresholds,
      perPerson: new Map([['an', { bare: 0.75, masked: 0.8 }]]),
      minMargin: 0.1,
      basis: { persons: 2, impostorPairs: 2, impostorHigh: 0.7 },
    };
    assert.equal(earlyVerdict(frames, { ...policy, points }), null, 'a look-alike raised the bar');
    assert.equal(decidePass(frames, { ...policy, points }).kind, 'review');
    const loose = { ...points, perPerson: new Map([['an', { bare: 0.6, masked: 0.8 }]]), minMargin: 0.5 };
    assert.equal(decidePass(frames, { ...policy, points: loose }).kind === 'review', true, 'margin 0.4 < 0.5');
  });
});
