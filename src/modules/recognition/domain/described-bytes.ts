import type { Described } from './match';

/**
 * A Described (full-face and upper-face embeddings plus maskedness) as one bytea, for face_sightings.probe_embedding
 * (issue 14: the pass' mean description, kept for AUTO and REVIEW passes until the learning gallery has used it).
 * Layout, little-endian: u32 full length, u32 upper length, f32 maskedness, full floats, upper floats — each vector
 * in the same float32 layout as templates.repo toBytes, so the two never disagree.
 */
const HEADER = 12;

export function packDescribed(d: Described): Buffer {
  const out = Buffer.alloc(HEADER + 4 * (d.full.length + d.upper.length));
  out.writeUInt32LE(d.full.length, 0);
  out.writeUInt32LE(d.upper.length, 4);
  out.writeFloatLE(d.maskedness, 8);
  Buffer.from(new Float32Array(d.full).buffer).copy(out, HEADER);
  Buffer.from(new Float32Array(d.upper).buffer).copy(out, HEADER + 4 * d.full.length);
  return out;
}

export function unpackDescribed(bytes: Uint8Array): Described {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < HEADER) throw new Error('packed Described too short');
  const fullLen = b.readUInt32LE(0);
  const upperLen = b.readUInt32LE(4);
  if (b.length !== HEADER + 4 * (fullLen + upperLen)) throw new Error('packed Described has the wrong length');
  // Copied into fresh buffers: a Float32Array view needs 4-byte alignment, which a bytea from the driver may not have.
  const vector = (offset: number, n: number) => new Float32Array(new Uint8Array(b.subarray(offset, offset + 4 * n)).buffer);
  return { full: vector(HEADER, fullLen), upper: vector(HEADER + 4 * fullLen, upperLen), maskedness: b.readFloatLE(8) };
}
