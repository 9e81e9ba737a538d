import * as zlib from 'node:zlib';
import JSZip from 'jszip';
import { AppError } from '../errors';

/**
 * Reading an uploaded zip without trusting it. The central directory is walked here first, before any library
 * builds objects or inflates anything, so a zip bomb is refused on its declared entry count and sizes; each entry is
 * then inflated by jszip as a stream whose bytes are counted and CRC-checked, so a header that lies about its size
 * cannot make us inflate more than it declared.
 */
export interface ZipLimits {
  /** Largest zip upload, in bytes. */
  maxBytes: number;
  /** Most central-directory entries (files and folders). */
  maxEntries: number;
  /** Largest sum of the declared uncompressed sizes. */
  maxUncompressedBytes: number;
}

export interface ZipEntryInfo {
  /** Position in the central directory (0-based): the report keeps the zip's order. */
  index: number;
  /** The name exactly as stored (may be hostile: `../x`, `/etc/x`, `C:\x`). */
  name: string;
  isDirectory: boolean;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
}

export function zipError(
  code: 'ZIP_TOO_LARGE' | 'ZIP_TOO_MANY_ENTRIES' | 'ZIP_TOO_LARGE_UNCOMPRESSED' | 'ZIP_INVALID' | 'ZIP_ENCRYPTED' | 'ZIP_UNSUPPORTED_METHOD' | 'ZIP_EMPTY',
  limits: ZipLimits,
  details?: unknown,
): AppError {
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  const text: Record<typeof code, [number, string, string]> = {
    ZIP_TOO_LARGE: [413, `Tệp zip quá lớn (tối đa ${mb(limits.maxBytes)} MB). Hãy chia thành nhiều tệp nhỏ hơn.`, `The zip file is too large (at most ${mb(limits.maxBytes)} MB). Split it into smaller files.`],
    ZIP_TOO_MANY_ENTRIES: [400, `Tệp zip có quá nhiều tệp (tối đa ${limits.maxEntries}). Hãy chia thành nhiều tệp zip.`, `The zip holds too many files (at most ${limits.maxEntries}). Split it into several zips.`],
    ZIP_TOO_LARGE_UNCOMPRESSED: [400, `Dung lượng sau giải nén quá lớn (tối đa ${mb(limits.maxUncompressedBytes)} MB); tệp có thể là "bom zip".`, `The zip expands to too many bytes (at most ${mb(limits.maxUncompressedBytes)} MB); it may be a zip bomb.`],
    ZIP_INVALID: [400, 'Tệp không phải là tệp zip hợp lệ hoặc đã bị hỏng.', 'The file is not a valid zip archive or it is damaged.'],
    ZIP_ENCRYPTED: [400, 'Tệp zip có đặt mật khẩu; hãy nén lại không đặt mật khẩu.', 'The zip is password-protected; zip the photos again without a password.'],
    ZIP_UNSUPPORTED_METHOD: [400, 'Tệp zip dùng kiểu nén không được hỗ trợ; hãy nén lại bằng kiểu "Deflate" thông thường.', 'The zip uses an unsupported compression method; zip it again with standard Deflate.'],
    ZIP_EMPTY: [400, 'Tệp zip không có ảnh nào.', 'The zip contains no photos.'],
  };
  const [status, vi, en] = text[code];
  return new AppError(status, code, vi, en, details);
}

/** CRC-32 (zip polynomial); zlib.crc32 exists from Node 20.15 / 22.2, the table version covers older Node 20. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
export function crc32(data: Uint8Array, previous = 0): number {
  const native = (zlib as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
  return native ? native(data, previous) : crc32Table(data, previous);
}
export function crc32Table(data: Uint8Array, previous = 0): number {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;

/** Reads the central directory (names, sizes, CRCs) and enforces the limits before anything is inflated. */
export function readCentralDirectory(buf: Buffer, limits: ZipLimits): ZipEntryInfo[] {
  const invalid = (why: string) => zipError('ZIP_INVALID', limits, { why });
  if (buf.length > limits.maxBytes) throw zipError('ZIP_TOO_LARGE', limits, { bytes: buf.length });
  // The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let p = buf.length - 22; p >= Math.max(0, buf.length - 22 - 0xffff); p--) {
    if (buf.readUInt32LE(p) === SIG_EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw invalid('no end of central directory');
  let count = buf.readUInt16LE(eocd + 10);
  let size = buf.readUInt32LE(eocd + 12);
  let offset = buf.readUInt32LE(eocd + 16);
  let dirEnd = eocd;
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== SIG_ZIP64_LOCATOR) throw invalid('zip64 locator missing');
    const z = Number(buf.readBigUInt64LE(loc + 8));
    if (z + 56 > buf.length || buf.readUInt32LE(z) !== SIG_ZIP64_EOCD) throw invalid('zip64 record missing');
    count = Number(buf.readBigUInt64LE(z + 32));
    size = Number(buf.readBigUInt64LE(z + 40));
    offset = Number(buf.readBigUInt64LE(z + 48));
    dirEnd = z;
  }
  if (count > limits.maxEntries) throw zipError('ZIP_TOO_MANY_ENTRIES', limits, { entries: count });
  // Data prepended to the archive (self-extractors) shifts every offset; jszip corrects the same way.
  if (offset + 4 > buf.length || buf.readUInt32LE(offset) !== SIG_CENTRAL) offset = dirEnd - size;
  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p < 0 || p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL) throw invalid(`central record ${i} missing`);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLen + extraLen + commentLen > buf.length) throw invalid(`central record ${i} truncated`);
    const nameBytes = buf.subarray(p + 46, p + 46 + nameLen);
    // Zip64 sizes live in extra field 0x0001, in this order, only for the fields saturated in the record.
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff) {
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = buf.readUInt16LE(e);
        const len = buf.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + len) {
            uncompressedSize = Number(buf.readBigUInt64LE(q));
            q += 8;
          }
          if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) compressedSize = Number(buf.readBigUInt64LE(q));
        }
        e += 4 + len;
      }
    }
    const name = nameBytes.toString('utf8');
    const isDirectory = name.endsWith('/') || name.endsWith('\\');
    if (flags & 0x1) throw zipError('ZIP_ENCRYPTED', limits, { entry: name });
    if (!isDirectory && method !== 0 && method !== 8) throw zipError('ZIP_UNSUPPORTED_METHOD', limits, { entry: name, method });
    total += uncompressedSize;
    if (total > limits.maxUncompressedBytes) throw zipError('ZIP_TOO_LARGE_UNCOMPRESSED', limits, { declaredBytes: total });
    entries.push({ index: i, name, isDirectory, compressedSize, uncompressedSize, crc32: buf.readUInt32LE(p + 16) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  // jszip reads records until the signature stops, and fails on a count mismatch: more records than declared is a lie.
  if (p + 4 <= buf.length && buf.readUInt32LE(p) === SIG_CENTRAL) throw invalid('more central records than declared');
  return entries;
}

/**
 * A name safe to use: relative, no `.`/`..`/empty segments, no drive letter, no control characters. Nothing from a
 * zip is ever written to disk, but a traversal name is a sign of a crafted archive and is refused, never "cleaned".
 */
export function isSafeEntryName(name: string): boolean {
  if (!name || name.length > 1024 || /[\u0000-\u001f\u007f]/.test(name)) return false;
  if (/^[/\\]/.test(name) || /^[A-Za-z]:/.test(name)) return false;
  const segments = name.replace(/[/\\]$/, '').split(/[/\\]/);
  return segments.every((s) => s !== '' && s !== '.' && s !== '..');
}

export type EntryRead = { ok: true; bytes: Buffer } | { ok: false; why: string };

/** An opened archive: entries from our own walk, bytes through jszip with counting and a CRC check. */
export class ZipArchive {
  private constructor(
    private readonly zip: JSZip,
    readonly entries: ZipEntryInfo[],
  ) {}

  static async open(buf: Buffer, limits: ZipLimits): Promise<ZipArchive> {
    const entries = readCentralDirectory(buf, limits);
    let zip: JSZip;
    try {
      // checkCRC32 would inflate every entry at load time, before our limits apply: CRCs are checked per entry below.
      zip = await JSZip.loadAsync(buf, { checkCRC32: false, createFolders: false });
    } catch (error) {
      throw zipError('ZIP_INVALID', limits, { why: error instanceof Error ? error.message : String(error) });
    }
    return new ZipArchive(zip, entries);
  }

  /**
   * The bytes of one entry, at most its declared size. jszip keys entries by a cleaned-up name, so an entry is only
   * read when its own original name owns that key (a duplicate or disguised duplicate name would give other bytes).
   */
  async read(entry: ZipEntryInfo): Promise<EntryRead> {
    const file = this.zip.file(entry.name);
    if (!file || file.unsafeOriginalName !== entry.name) return { ok: false, why: 'entry not addressable' };
    const stream = file.nodeStream('nodebuffer');
    const chunks: Buffer[] = [];
    let n = 0;
    let crc = 0;
    return new Promise<EntryRead>((resolve) => {
      const stop = (result: EntryRead) => {
        stream.removeAllListeners('data');
        if ('destroy' in stream && typeof stream.destroy === 'function') stream.destroy();
        resolve(result);
      };
      stream.on('data', (chunk: Buffer) => {
        n += chunk.length;
        if (n > entry.uncompressedSize) return stop({ ok: false, why: 'more bytes than declared' });
        crc = crc32(chunk, crc);
        chunks.push(chunk);
      });
      stream.on('error', (error: Error) => stop({ ok: false, why: error.message }));
      stream.on('end', () => {
        if (n !== entry.uncompressedSize) return stop({ ok: false, why: 'fewer bytes than declared' });
        if (crc >>> 0 !== entry.crc32 >>> 0) return stop({ ok: false, why: 'CRC mismatch' });
        resolve({ ok: true, bytes: Buffer.concat(chunks, n) });
      });
    });
  }
}
