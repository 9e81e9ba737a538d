import { cosine } from '../../../platform/ports/face-engine';

/** A described face: full-face and upper-face embeddings plus how masked it looks. */
export interface Described {
  full: Float32Array;
  upper: Float32Array;
  maskedness: number;
}

export interface Template extends Described {
  personId: string;
}

/**
 * Similarity of a probe to one template. A probe that looks masked is scored 0.5 × full + 0.5 × upper-face
 * similarity: the lower face carries the mask, not the person (measured in bench/faces: +9–15 points masked rank-1,
 * < 1 point change unmasked).
 */
export function fusedScore(probe: Described, template: Described, maskedThreshold: number): number {
  const full = cosine(probe.full, template.full);
  if (probe.maskedness < maskedThreshold) return full;
  return 0.5 * full + 0.5 * cosine(probe.upper, template.upper);
}

/** Best score per person, highest first. */
export function rankPersons(probe: Described, gallery: Template[], maskedThreshold: number, top = 5): { personId: string; score: number }[] {
  const best = new Map<string, number>();
  for (const t of gallery) {
    const s = fusedScore(probe, t, maskedThreshold);
    if (s > (best.get(t.personId) ?? Number.NEGATIVE_INFINITY)) best.set(t.personId, s);
  }
  return [...best]
    .map(([personId, score]) => ({ personId, score }))
    .sort((a, b) => b.score - a.score)
    .slice(0, top);
}
