/**
 * Reads the capture time (EXIF DateTimeOriginal, 0x9003, with OffsetTimeOriginal 0x9011 when the camera wrote it)
 * from a JPEG before it is resized: the canvas re-encode drops all metadata, and the time the photo was taken is
 * part of the evidence. A tiny reader (only the tags we need), pure over bytes so it runs in tests.
 */

const TAG_EXIF_IFD = 0x8769;
const TAG_DATETIME_ORIGINAL = 0x9003;
const TAG_OFFSET_TIME_ORIGINAL = 0x9011;
const TAG_DATETIME = 0x0132;
/** A camera without an offset tag wrote local time; in this system the field is in Vietnam (UTC+7, no DST). */
const DEFAULT_OFFSET = '+07:00';

interface Tiff {
  view: DataView;
  start: number;
  little: boolean;
}

function u16(t: Tiff, at: number): number {
  return t.view.getUint16(t.start + at, t.little);
}

function u32(t: Tiff, at: number): number {
  return t.view.getUint32(t.start + at, t.little);
}

/** The ASCII value of `tag` in the IFD at `ifd` (offsets relative to the TIFF header), or a sub-IFD pointer. */
function findTag(t: Tiff, ifd: number, tag: number): { type: number; count: number; valueAt: number } | null {
  if (t.start + ifd + 2 > t.view.byteLength) return null;
  const n = u16(t, ifd);
  for (let i = 0; i < n; i++) {
    const at = ifd + 2 + i * 12;
    if (t.start + at + 12 > t.view.byteLength) return null;
    if (u16(t, at) !== tag) continue;
    const type = u16(t, at + 2);
    const count = u32(t, at + 4);
    // ASCII longer than 4 bytes lives at an offset; 4 bytes or fewer are inline.
    const valueAt = type === 2 && count > 4 ? u32(t, at + 8) : at + 8;
    return { type, count, valueAt };
  }
  return null;
}

function ascii(t: Tiff, valueAt: number, count: number): string {
  let s = '';
  for (let i = 0; i < count; i++) {
    const pos = t.start + valueAt + i;
    if (pos >= t.view.byteLength) break;
    const c = t.view.getUint8(pos);
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  return s;
}

function tiffOf(bytes: Uint8Array): Tiff | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.byteLength < 4 || view.getUint16(0) !== 0xffd8) return null;
  let pos = 2;
  while (pos + 4 <= view.byteLength) {
    const marker = view.getUint16(pos);
    if ((marker & 0xff00) !== 0xff00) return null;
    // Start of scan: the metadata segments are all before it.
    if (marker === 0xffda) return null;
    const length = view.getUint16(pos + 2);
    if (marker === 0xffe1 && pos + 10 <= view.byteLength && view.getUint32(pos + 4) === 0x45786966 /* "Exif" */) {
      const start = pos + 10;
      if (start + 8 > view.byteLength) return null;
      const order = view.getUint16(start);
      if (order !== 0x4949 && order !== 0x4d4d) return null;
      return { view, start, little: order === 0x4949 };
    }
    pos += 2 + length;
  }
  return null;
}

/** "2026:12:07 09:15:30" (+ "+07:00") → ISO instant; null when absent or malformed. */
export function exifDateToIso(value: string, offset: string | null): string | null {
  const m = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return null;
  const zone = offset && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : DEFAULT_OFFSET;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The capture time of a JPEG as an ISO instant, or null (no EXIF, not a JPEG, no date). Never throws. */
export function readExifTakenAt(bytes: Uint8Array): string | null {
  try {
    const t = tiffOf(bytes);
    if (!t) return null;
    const ifd0 = u32(t, 4);
    const exifPtr = findTag(t, ifd0, TAG_EXIF_IFD);
    if (exifPtr) {
      const exifIfd = u32(t, exifPtr.valueAt);
      const original = findTag(t, exifIfd, TAG_DATETIME_ORIGINAL);
      if (original) {
        const offsetTag = findTag(t, exifIfd, TAG_OFFSET_TIME_ORIGINAL);
        const offset = offsetTag ? ascii(t, offsetTag.valueAt, offsetTag.count) : null;
        const iso = exifDateToIso(ascii(t, original.valueAt, original.count), offset);
        if (iso) return iso;
      }
    }
    // Some phones write only IFD0's DateTime (last modified, usually the capture time for camera files).
    const plain = findTag(t, ifd0, TAG_DATETIME);
    return plain ? exifDateToIso(ascii(t, plain.valueAt, plain.count), null) : null;
  } catch {
    return null;
  }
}

/**
 * Builds a JPEG APP1 Exif segment holding DateTimeOriginal (and OffsetTimeOriginal), inserted right after SOI. Used
 * by tests (unit and e2e) to make a photo with a known capture time; big-endian TIFF like most cameras write.
 */
export function withExifDate(jpeg: Uint8Array, dateTime: string, offset?: string): Uint8Array {
  const enc = (s: string) => [...s].map((c) => c.charCodeAt(0)).concat(0);
  const dt = enc(dateTime); // 20 bytes
  const off = offset ? enc(offset) : null; // 7 bytes
  const exifEntries = off ? 2 : 1;
  // TIFF: header 8 | IFD0 (1 entry) 2+12+4 = 18 | Exif IFD 2+12n+4 | data
  const ifd0At = 8;
  const exifAt = ifd0At + 18;
  const dataAt = exifAt + 2 + 12 * exifEntries + 4;
  const tiff: number[] = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, ifd0At];
  const be16 = (v: number) => [(v >> 8) & 0xff, v & 0xff];
  const be32 = (v: number) => [(v >>> 24) & 0xff, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff];
  tiff.push(...be16(1), ...be16(TAG_EXIF_IFD), ...be16(4), ...be32(1), ...be32(exifAt), ...be32(0));
  tiff.push(...be16(exifEntries), ...be16(TAG_DATETIME_ORIGINAL), ...be16(2), ...be32(dt.length), ...be32(dataAt));
  if (off) tiff.push(...be16(TAG_OFFSET_TIME_ORIGINAL), ...be16(2), ...be32(off.length), ...be32(dataAt + dt.length));
  tiff.push(...be32(0), ...dt, ...(off ?? []));
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const segment = [0xff, 0xe1, ...be16(payload.length + 2), ...payload];
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(jpeg.subarray(0, 2), 0);
  out.set(segment, 2);
  out.set(jpeg.subarray(2), 2 + segment.length);
  return out;
}
