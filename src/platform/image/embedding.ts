/** Vector math on face embeddings (Float32Array of one recognizer's size), shared by the engines and recognition. */

/**
 * Unit-length mean direction of several embeddings (the frames of one pass, a person's templates, a face and its
 * mirror image): steadier than any one of them. An all-zero sum stays zero.
 */
export function meanEmbedding(vectors: readonly Float32Array[]): Float32Array {
  const out = new Float32Array((vectors[0] as Float32Array).length);
  for (const v of vectors) for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (v[i] as number);
  return normalize(out);
}

/** Scales a vector to unit length in place (an all-zero vector stays zero). */
export function normalize(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] as number) * (v[i] as number);
  const n = Math.sqrt(s);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / n;
  return v;
}

/** Cosine similarity of two unit-length embeddings. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}
