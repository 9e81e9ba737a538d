/**
 * Rewrites the declared uncompressed size of every entry of a zip (local headers and central directory): a zip whose
 * headers lie, for the zip-bomb guards of the face and staff imports.
 */
export function lieAboutSizes(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let p = 0; p + 4 <= out.length; p++) {
    const sig = out.readUInt32LE(p);
    if (sig === 0x04034b50) out.writeUInt32LE(size, p + 22);
    if (sig === 0x02014b50) out.writeUInt32LE(size, p + 24);
  }
  return out;
}
