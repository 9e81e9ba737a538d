import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exifDateToIso, readExifTakenAt, withExifDate } from './exif';
import { fitWithin } from './image';

// SOI, a JFIF APP0, EOI: enough bytes for the reader (it stops at SOS or the end).
const BARE_JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);

describe('EXIF capture time', () => {
  it('reads DateTimeOriginal with its offset', () => {
    const jpeg = withExifDate(BARE_JPEG, '2026:12:07 09:15:30', '+07:00');
    assert.equal(readExifTakenAt(jpeg), '2026-12-07T02:15:30.000Z');
  });

  it('takes Vietnam time when the camera wrote no offset', () => {
    const jpeg = withExifDate(BARE_JPEG, '2026:03:01 07:00:00');
    assert.equal(readExifTakenAt(jpeg), '2026-03-01T00:00:00.000Z');
  });

  it('answers null for a JPEG without EXIF, non-JPEG bytes and truncated data', () => {
    assert.equal(readExifTakenAt(BARE_JPEG), null);
    assert.equal(readExifTakenAt(new Uint8Array([0x89, 0x50, 0x4e, 0x47])), null);
    const cut = withExifDate(BARE_JPEG, '2026:12:07 09:15:30').subarray(0, 30);
    assert.equal(readExifTakenAt(cut), null);
  });

  it('rejects malformed dates (cameras write "0000:00:00 00:00:00" when unset)', () => {
    assert.equal(exifDateToIso('not a date', null), null);
    assert.equal(exifDateToIso('0000:00:00 00:00:00', null), null);
  });
});

describe('photo size on the device', () => {
  it('fits the longest side within 1600 px keeping the ratio, never enlarging', () => {
    assert.deepEqual(fitWithin(4000, 3000), { width: 1600, height: 1200 });
    assert.deepEqual(fitWithin(3000, 4000), { width: 1200, height: 1600 });
    assert.deepEqual(fitWithin(800, 600), { width: 800, height: 600 });
  });
});
