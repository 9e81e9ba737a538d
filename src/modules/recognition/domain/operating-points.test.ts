import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FaceThresholds } from '../../../platform/ports/face-engine';
import { normalize } from '../../../platform/image/embedding';
import { rankPersons, type Template } from './match';
import { deriveOperatingPoints, galleryFingerprint, personScore, quantile } from './operating-points';

const base: FaceThresholds = { detection: 0.6, review: 0.5, match: 0.6, autoAccept: 0.7, autoAcceptMasked: 0.75, masked: 0.5 };

/** A unit vector at `deg` degrees in the first plane, with a small fixed offset in a per-person dimension. */
function face(deg: number, personDim: number, maskedness = 0.1, dims = 8): { full: Float32Array; upper: Float32Array; maskedness: number } {
  const v = new Float32Array(dims);
  v[0] = Math.cos((deg * Math.PI) / 180);
  v[1] = Math.sin((deg * Math.PI) / 180);
  v[personDim] = 0.1;
  const full = normalize(v);
  return { full, upper: Float32Array.from(full), maskedness };
}

const tpl = (personId: string, deg: number, dim: number, maskedness = 0.1): Template => ({ personId, ...face(deg, dim, maskedness) });

describe('deriveOperatingPoints', () => {
  it('keeps the engine thresholds for a gallery of one person (nothing to compare)', () => {
    const points = deriveOperatingPoints([tpl('an', 0, 2)], base);
    assert.deepEqual(points.thresholds, base);
    assert.deepEqual(points.perPerson.get('an'), { bare: 0.7, masked: 0.75 });
    assert.equal(points.basis.persons, 1);
    assert.equal(points.basis.impostorHigh, null);
  });

  it('never goes below the base thresholds, whatever the gallery', () => {
    // People far apart: impostor scores far under the base bars.
    const gallery = [tpl('an', 0, 2), tpl('binh', 90, 3), tpl('chi', 180, 4), tpl('dung', 270, 5)];
    const points = deriveOperatingPoints(gallery, base, { globalLead: -10, lookalikeLead: -10, lookalikeLeadMasked: -10 });
    assert.ok(points.thresholds.autoAccept >= base.autoAccept);
    assert.ok(points.thresholds.autoAcceptMasked >= base.autoAcceptMasked);
    assert.ok(points.thresholds.review >= base.review);
    for (const bar of points.perPerson.values()) {
      assert.ok(bar.bare >= points.thresholds.autoAccept);
      assert.ok(bar.masked >= points.thresholds.autoAcceptMasked);
    }
    assert.equal(points.basis.persons, 4);
    assert.ok(points.basis.impostorPairs > 0);
  });

  it('raises the bar of two look-alikes above their cross scores, and only theirs', () => {
    // An and Bình 3° apart (cosine ≈ 0.99); Chi and Dũng far from everybody.
    const gallery = [tpl('an', 0, 2), tpl('an', 1, 2), tpl('binh', 3, 3), tpl('chi', 120, 4), tpl('dung', 240, 5)];
    const points = deriveOperatingPoints(gallery, base, { lookalikeLead: 0.2, globalQuantile: 0 });
    const an = points.perPerson.get('an');
    const binh = points.perPerson.get('binh');
    assert.ok(an && binh);
    const binhAsAn = personScore(gallery[2] as Template, { all: gallery.slice(0, 2), allCentroid: gallery[0] as Template, bare: gallery.slice(0, 2), bareCentroid: gallery[0] as Template }, base.masked);
    assert.ok(an.bare > base.autoAccept, 'raised near a look-alike');
    assert.ok(an.bare > binhAsAn - 0.02, 'above what the look-alike scores as An');
    assert.ok(binh.bare > base.autoAccept);
    assert.equal(points.perPerson.get('chi')?.bare, points.thresholds.autoAccept);
    assert.equal(points.perPerson.get('dung')?.bare, points.thresholds.autoAccept);
    assert.ok(points.basis.impostorHigh !== null && points.basis.impostorHigh > 0.95);
  });

  it('scores a person the way rankPersons does', () => {
    const gallery = [tpl('an', 0, 2), tpl('an', 10, 2, 0.9), tpl('binh', 30, 3)];
    for (const probe of [face(5, 4), face(5, 4, 0.9)]) {
      const ranked = rankPersons(probe, gallery, base.masked);
      const an = ranked.find((r) => r.personId === 'an')?.score as number;
      const all = gallery.slice(0, 2);
      const mean = (xs: Template[]) => {
        const f = new Float32Array(8);
        const u = new Float32Array(8);
        for (const x of xs) for (let i = 0; i < 8; i++) {
          f[i] = (f[i] as number) + (x.full[i] as number);
          u[i] = (u[i] as number) + (x.upper[i] as number);
        }
        return { full: normalize(f), upper: normalize(u), maskedness: xs.reduce((s, x) => s + x.maskedness, 0) / xs.length };
      };
      const person = { all, allCentroid: mean(all), bare: [gallery[0] as Template], bareCentroid: mean([gallery[0] as Template]) };
      assert.ok(Math.abs(personScore(probe, person, base.masked) - an) < 1e-6);
    }
  });

  it('sets the margin on the engine score scale', () => {
    const points = deriveOperatingPoints([tpl('an', 0, 2), tpl('binh', 90, 3)], base, { marginFraction: 0.5 });
    assert.ok(Math.abs(points.minMargin - 0.1) < 1e-9);
  });

  it('reuses the last derivation for a reloaded gallery with the same content, not for a changed one', () => {
    const gallery = () => [tpl('an', 0, 2), tpl('binh', 40, 3), tpl('chi', 80, 4)];
    const first = deriveOperatingPoints(gallery(), base);
    assert.equal(deriveOperatingPoints(gallery(), base), first, 'a new array with the same templates');
    const changed = gallery();
    (changed[1] as Template).full[0] = 0.5;
    assert.notEqual(galleryFingerprint(changed), galleryFingerprint(gallery()));
    assert.notEqual(deriveOperatingPoints(changed, base), first);
    assert.notEqual(deriveOperatingPoints(gallery(), { ...base, autoAccept: 0.71 }), first, 'other engine thresholds');
  });

  it('quantile interpolates between ranks', () => {
    assert.equal(quantile([], 0.5), null);
    assert.equal(quantile([1, 2, 3, 4, 5], 0.5), 3);
    assert.equal(quantile([0, 10], 0.25), 2.5);
    assert.equal(quantile([0, 10], 2), 10);
  });
});
