import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FaceThresholds } from '../../../platform/ports/face-engine';
import { DEFAULT_PASS_POLICY, decidePass, type FrameCandidates } from './decide-pass';
import { DEFAULT_EARLY, earlyCheck, earlyOptionsFor, earlyVerdict, FIRST_EARLY, gateDecision } from './early-decision';
import type { OperatingPoints } from './operating-points';

// Score scale = autoAccept − min(review, match) = 0.2: a strong frame needs 0.55 + 0.25 × 0.2 = 0.6 and a lead of 0.1.
const thresholds: FaceThresholds = { detection: 0.6, review: 0.35, match: 0.4, autoAccept: 0.55, autoAcceptMasked: 0.6, masked: 0.7 };
const policy = { ...DEFAULT_PASS_POLICY, thresholds };
// The tests below use the looser single-frame options (yunet+dlib's) unless they say otherwise.
const LOOSE = earlyOptionsFor('yunet+dlib');
const f = (scores: [string, number][], maskedness = 0.3): FrameCandidates => ({ faceWidth: 150, maskedness, scores: scores.map(([personId, score]) => ({ personId, score })) });

describe('early decision', () => {
  it('punches on two agreeing frames above the bar with the margin, not on one just above it', () => {
    const one = [f([['an', 0.57], ['binh', 0.3]])];
    assert.equal(earlyVerdict(one, policy, LOOSE), null);
    assert.equal(earlyCheck(one, policy, LOOSE).soFar, 'FEW_FRAMES');
    const two = [...one, f([['an', 0.58], ['binh', 0.3]])];
    assert.equal(earlyVerdict(two, policy, LOOSE)?.personId, 'an');
    assert.equal(earlyCheck(two, policy, LOOSE).rule, 'pass-so-far');
  });

  it('agrees with the end-of-track rule: frames either side of the bar whose mean clears it punch now', () => {
    // 0.56 and 0.545: only one frame clears 0.55 alone, the weighted mean (0.5525) does — the first rule waited.
    const frames = [f([['an', 0.56], ['binh', 0.3]]), f([['an', 0.545], ['binh', 0.3]])];
    assert.equal(decidePass(frames, policy).kind, 'auto');
    assert.equal(earlyVerdict(frames, policy, LOOSE)?.personId, 'an');
    assert.equal(earlyVerdict(frames, policy, FIRST_EARLY), null, 'the first rule asked for 2 clear frames');
    assert.equal(earlyCheck(frames, policy, LOOSE).clearFrames, 1);
  });

  it('whenever the pass so far would be punched at its end, the early rule punches too', () => {
    const scores = [0.5, 0.53, 0.545, 0.55, 0.56, 0.58, 0.62];
    for (const a of scores)
      for (const b of scores)
        for (const c of scores) {
          const frames = [f([['an', a], ['binh', 0.45]]), f([['an', b], ['binh', 0.5]]), f([['binh', c], ['an', c - 0.02]])];
          for (let n = 2; n <= 3; n++) {
            const prefix = frames.slice(0, n);
            if (decidePass(prefix, policy).kind === 'auto') assert.ok(earlyVerdict(prefix, policy, LOOSE), `${a} ${b} ${c} (${n} frames)`);
          }
        }
  });

  it('one strong frame with a clear lead suffices; a weaker one or a narrow lead does not', () => {
    assert.equal(earlyCheck([f([['an', 0.61], ['binh', 0.5]])], policy, LOOSE).rule, 'strong-frame');
    assert.equal(earlyVerdict([f([['an', 0.61], ['binh', 0.5]])], policy, LOOSE)?.personId, 'an');
    assert.equal(earlyVerdict([f([['an', 0.59], ['binh', 0.3]])], policy, LOOSE), null, 'under bar + 0.25 × scale');
    assert.equal(earlyVerdict([f([['an', 0.7], ['binh', 0.62]])], policy, LOOSE), null, 'lead 0.08 < 0.5 × scale');
    assert.equal(earlyVerdict([f([['an', 0.7], ['binh', 0.3]])], policy, FIRST_EARLY), null, 'the first rule had no single-frame path');
  });

  it('the stricter default asks more of a single frame (bar + 1.5 × scale = 0.85)', () => {
    assert.equal(earlyVerdict([f([['an', 0.8], ['binh', 0.3]])], policy, DEFAULT_EARLY), null);
    assert.equal(earlyCheck([f([['an', 0.86], ['binh', 0.3]])], policy, DEFAULT_EARLY).rule, 'strong-frame');
  });

  it('a strong frame does not settle a pass whose other frames name somebody else', () => {
    const frames = [f([['binh', 0.5], ['an', 0.45]]), f([['an', 0.7], ['binh', 0.4]])];
    assert.equal(earlyVerdict(frames, policy, LOOSE), null);
    assert.equal(earlyCheck(frames, policy, LOOSE).soFar, 'DISAGREEMENT');
  });

  it('waits while frames are weak, close or disagree (the pass is then decided when it ends)', () => {
    assert.equal(earlyVerdict([f([['an', 0.5]]), f([['an', 0.52]])], policy, LOOSE), null, 'below the bar');
    assert.equal(earlyVerdict([f([['an', 0.7], ['binh', 0.68]]), f([['an', 0.7], ['binh', 0.67]])], policy, LOOSE), null, 'small margin');
    assert.equal(earlyVerdict([f([['an', 0.7], ['binh', 0.3]]), f([['binh', 0.7], ['an', 0.3]])], policy, LOOSE), null);
  });

  it('masked frames need the masked bar', () => {
    const masked = (s: number) => f([['an', s], ['binh', 0.3]], 0.9);
    assert.equal(earlyVerdict([masked(0.58), masked(0.58)], policy, LOOSE), null, 'under 0.6');
    assert.equal(earlyVerdict([masked(0.62), masked(0.62)], policy, LOOSE)?.masked, true);
    assert.equal(earlyVerdict([masked(0.62)], policy, LOOSE), null, 'one frame needs 0.65');
  });

  it("uses the person's own bar and the gallery's margin from the operating points", () => {
    const frames = [f([['an', 0.7], ['binh', 0.3]]), f([['an', 0.7], ['binh', 0.3]])];
    const points: OperatingPoints = {
      thresholds,
      perPerson: new Map([['an', { bare: 0.75, masked: 0.8 }]]),
      minMargin: 0.1,
      basis: { persons: 2, impostorPairs: 2, impostorHigh: 0.7 },
    };
    assert.equal(earlyVerdict(frames, { ...policy, points }, LOOSE), null, 'a look-alike raised the bar');
    assert.equal(decidePass(frames, { ...policy, points }).kind, 'review');
    assert.equal(earlyVerdict([f([['an', 0.79], ['binh', 0.3]])], { ...policy, points }, LOOSE), null, 'a single frame needs 0.75 + 0.05');
    assert.equal(earlyVerdict([f([['an', 0.81], ['binh', 0.3]])], { ...policy, points }, LOOSE)?.personId, 'an');
    const loose = { ...points, perPerson: new Map([['an', { bare: 0.6, masked: 0.8 }]]), minMargin: 0.5 };
    assert.equal(decidePass(frames, { ...policy, points: loose }).kind === 'review', true, 'margin 0.4 < 0.5');
  });
});

describe('gate decision over a pass', () => {
  it('says which frame decided and by which rule', () => {
    const weak = f([['an', 0.5], ['binh', 0.3]]);
    const good = f([['an', 0.58], ['binh', 0.3]]);
    assert.deepEqual(
      (({ decidedAt, rule }) => ({ decidedAt, rule }))(gateDecision([weak, good, good, good], policy, LOOSE)),
      { decidedAt: 3, rule: 'pass-so-far' },
    );
    assert.equal(gateDecision([f([['an', 0.65], ['binh', 0.3]]), weak], policy, LOOSE).rule, 'strong-frame');
    const end = gateDecision([weak, weak, weak], policy, LOOSE);
    assert.equal(end.rule, 'track-end');
    assert.equal(end.verdict.kind, 'review');
    assert.equal(end.decidedAt, 3);
  });

  it('the shipped options are the ones chosen per engine on the choose half (bench/faces/early-rules.ts)', () => {
    assert.deepEqual(earlyOptionsFor('yunet+dlib'), { minFrames: 2, minClearFrames: 0, strongLead: 0.25, strongMargin: 0.5 });
    assert.deepEqual(earlyOptionsFor('yunet+intel-reid-0095'), DEFAULT_EARLY);
    assert.deepEqual(earlyOptionsFor('an engine never searched'), DEFAULT_EARLY, 'the stricter one');
    assert.equal(DEFAULT_EARLY.strongLead, 1.5);
  });
});
