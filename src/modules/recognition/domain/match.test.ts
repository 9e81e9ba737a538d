import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rankPersons, type Template } from './match';

const v = (...xs: number[]) => Float32Array.from(xs);
const face = (full: number[], maskedness: number) => ({ full: v(...full), upper: v(...full), maskedness });

describe('rankPersons', () => {
  const gallery: Template[] = [
    { personId: 'an', ...face([1, 0, 0], 0.1) },
    { personId: 'an', ...face([0.6, 0.8, 0], 0.9) }, // An's synthetic masked copy
    { personId: 'binh', ...face([0.8, 0.6, 0], 0.1) },
    { personId: 'chi', ...face([0, 0.7, 0.71], 0.95) }, // Chi enrolled from masked gate passes only
  ];

  it('scores a bare probe against bare templates: a masked copy cannot pull it to the wrong person', () => {
    const probe = face([0.62, 0.78, 0], 0.1); // closest to An's masked copy, next to Bình's bare photo
    const ranked = rankPersons(probe, gallery, 0.5);
    assert.equal(ranked[0]?.personId, 'binh');
    assert.ok(Math.abs((ranked.find((r) => r.personId === 'an')?.score ?? 0) - 0.62) < 1e-6);
  });

  it('falls back to masked templates for a person who has no bare one', () => {
    const ranked = rankPersons(face([0, 0.7, 0.71], 0.1), gallery, 0.5);
    assert.equal(ranked[0]?.personId, 'chi');
  });

  it('compares a masked probe with every template', () => {
    const withCopies: Template[] = [...gallery.slice(0, 2), { personId: 'binh', ...face([0.96, 0.28, 0], 0.1) }];
    const ranked = rankPersons(face([0.6, 0.8, 0], 0.9), withCopies, 0.5);
    assert.equal(ranked[0]?.personId, 'an');
    // 0.75 × cosine to An's centroid (between the bare photo and the copy) + 0.25 × the exact copy.
    const toCentroid = (0.6 + 1) / Math.hypot(1.6, 0.8);
    assert.ok(Math.abs((ranked[0]?.score ?? 0) - (0.75 * toCentroid + 0.25)) < 1e-6);
  });

  it('prefers the person whose templates agree over one lucky look-alike template', () => {
    const u = (x: number, y: number) => {
      const n = Math.hypot(x, y);
      return face([x / n, y / n, 0], 0.1);
    };
    const twoPhotos: Template[] = [
      { personId: 'dung', ...u(1, 0.3) },
      { personId: 'dung', ...u(1, 0.25) },
      { personId: 'em', ...u(1, 0.05) }, // closest single template to the probe
      { personId: 'em', ...u(0.2, 1) }, // but Em's other photo is far away
    ];
    const ranked = rankPersons(u(1, 0.12), twoPhotos, 0.5);
    assert.equal(ranked[0]?.personId, 'dung');
  });
});
