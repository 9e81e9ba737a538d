import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { candidateCodes, isSystemJunk, looksLikeImage, shownCode } from './domain/zip-names';
import { crc32, crc32Table, isSafeEntryName, readCentralDirectory, ZipArchive, type ZipLimits } from '../../platform/zip/zip-archive';
import { lieAboutSizes } from '../../../test/helpers/zip-forgery';

const LIMITS: ZipLimits = { maxBytes: 10 * 1024 * 1024, maxEntries: 100, maxUncompressedBytes: 20 * 1024 * 1024 };

async function zipOf(files: Record<string, Buffer | string>): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, data] of Object.entries(files)) z.file(name, data, { createFolders: false });
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('zip guard', () => {
  it('reads names, sizes and CRCs from the central directory, then the bytes of each entry', async () => {
    const buf = await zipOf({ 'TT005.jpg': 'abc', 'anh/TT004-b.png': Buffer.alloc(5000, 7) });
    const zip = await ZipArchive.open(buf, LIMITS);
    assert.deepEqual(zip.entries.map((e) => [e.name, e.uncompressedSize]), [['TT005.jpg', 3], ['anh/TT004-b.png', 5000]]);
    const read = await zip.read(zip.entries[1] as (typeof zip.entries)[0]);
    assert.ok(read.ok && read.bytes.equals(Buffer.alloc(5000, 7)));
  });

  it('refuses too many entries and too many declared bytes before inflating anything', async () => {
    const many = await zipOf(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}.jpg`, 'x'])));
    assert.throws(() => readCentralDirectory(many, { ...LIMITS, maxEntries: 10 }), { code: 'ZIP_TOO_MANY_ENTRIES', status: 400 });
    // 30 MB of zeros compress to about 30 kB: a small zip that expands past the limit.
    const bomb = await zipOf({ 'a.jpg': Buffer.alloc(30 * 1024 * 1024) });
    assert.ok(bomb.length < 100_000);
    assert.throws(() => readCentralDirectory(bomb, LIMITS), { code: 'ZIP_TOO_LARGE_UNCOMPRESSED' });
    assert.throws(() => readCentralDirectory(bomb, { ...LIMITS, maxBytes: 1000 }), { code: 'ZIP_TOO_LARGE', status: 413 });
    assert.throws(() => readCentralDirectory(Buffer.from('không phải zip'), LIMITS), { code: 'ZIP_INVALID' });
  });

  it('never inflates more than an entry declares (a lying header) and checks the CRC', async () => {
    const liar = lieAboutSizes(await zipOf({ 'a.jpg': Buffer.alloc(5 * 1024 * 1024) }), 1000);
    const zip = await ZipArchive.open(liar, LIMITS);
    assert.equal(zip.entries[0]?.uncompressedSize, 1000);
    const read = await zip.read(zip.entries[0] as (typeof zip.entries)[0]);
    assert.deepEqual(read, { ok: false, why: 'more bytes than declared' });

    const good = await zipOf({ 'b.jpg': Buffer.alloc(4000, 1) });
    const badCrc = Buffer.from(good);
    for (let p = 0; p + 4 <= badCrc.length; p++) if (badCrc.readUInt32LE(p) === 0x02014b50) badCrc.writeUInt32LE(0xdeadbeef, p + 16);
    const z2 = await ZipArchive.open(badCrc, LIMITS);
    assert.deepEqual(await z2.read(z2.entries[0] as (typeof z2.entries)[0]), { ok: false, why: 'CRC mismatch' });
  });

  it('does not hand out the bytes of another entry when a traversal name shadows a real one', async () => {
    const zip = await ZipArchive.open(await zipOf({ 'TT005.jpg': 'real', 'x/../TT005.jpg': 'shadow' }), LIMITS);
    const [real, shadow] = zip.entries;
    assert.equal(isSafeEntryName(shadow?.name ?? ''), false);
    // jszip keeps the later entry under the cleaned name; the real entry must not read the shadow's bytes.
    assert.deepEqual(await zip.read(real as (typeof zip.entries)[0]), { ok: false, why: 'entry not addressable' });
  });

  it('computes the zip CRC-32 the same with and without zlib.crc32', () => {
    const data = Buffer.from('123456789');
    assert.equal(crc32Table(data), 0xcbf43926);
    assert.equal(crc32(data), 0xcbf43926);
    assert.equal(crc32Table(data.subarray(5), crc32Table(data.subarray(0, 5))), 0xcbf43926, 'chunked');
  });

  it('tells safe names from traversal, absolute and drive paths', () => {
    for (const ok of ['TT005.jpg', 'anh/TT005_2.jpg', 'Ảnh cán bộ/TT005 (2).JPG']) assert.equal(isSafeEntryName(ok), true, ok);
    for (const bad of ['../TT005.jpg', 'a/../../b.jpg', '/etc/passwd', '\\\\server\\x.jpg', 'C:\\x.jpg', 'a//b.jpg', './a.jpg', 'a\u0000.jpg']) {
      assert.equal(isSafeEntryName(bad), false, bad);
    }
  });
});

describe('zip file names', () => {
  it('offers the longest employee code first and shows the short one', () => {
    assert.deepEqual(candidateCodes('CB0012.jpg'), ['CB0012']);
    assert.deepEqual(candidateCodes('anh/CB0012_2.jpg'), ['CB0012_2', 'CB0012']);
    assert.deepEqual(candidateCodes('CB0012-b.png'), ['CB0012-b', 'CB0012']);
    assert.deepEqual(candidateCodes('CB0012 (2).jpg'), ['CB0012']);
    assert.equal(shownCode('TT-05-b.jpg'), 'TT');
    assert.equal(isSystemJunk('__MACOSX/anh/._CB0012.jpg'), true);
    assert.equal(isSystemJunk('anh/CB0012.jpg'), false);
  });

  it('recognises JPEG, PNG and WebP by their first bytes', () => {
    assert.equal(looksLikeImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), true);
    assert.equal(looksLikeImage(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d])), true);
    assert.equal(looksLikeImage(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'latin1')), true);
    assert.equal(looksLikeImage(Buffer.from('không phải ảnh')), false);
  });
});
