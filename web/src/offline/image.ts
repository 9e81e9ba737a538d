import { readExifTakenAt } from './exif';

/**
 * Photos are made smaller on the phone before they are queued: a 12-megapixel picture is 4–8 MB, too much for a
 * weak field connection and the server's 8 MB limit, while 1600 px on the longest side still shows a badge or a
 * face. The capture time is read from EXIF first, because re-encoding on a canvas drops all metadata.
 */
export const MAX_SIDE = 1600;
const QUALITY = 0.85;

/** The size that fits within `max` on the longest side, keeping the ratio; never enlarges. */
export function fitWithin(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= max || longest === 0) return { width, height };
  const scale = max / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export interface PreparedPhoto {
  blob: Blob;
  /** EXIF capture time (ISO) of the original, or null. */
  takenAt: string | null;
  width: number;
  height: number;
}

/** Reads the EXIF time, then draws the picture (orientation applied by the browser) at ≤ 1600 px and encodes a JPEG. */
export async function preparePhoto(file: Blob): Promise<PreparedPhoto> {
  // EXIF sits in the first 64 KiB of a JPEG (APP1 is limited to that size).
  const head = new Uint8Array(await file.slice(0, 128 * 1024).arrayBuffer());
  const takenAt = readExifTakenAt(head);
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const size = fitWithin(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('canvas 2d context unavailable');
  g.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('JPEG encoding failed'))), 'image/jpeg', QUALITY),
  );
  return { blob, takenAt, ...size };
}

/** The device position when the user allowed it; null when refused, unavailable or slow (never blocks a photo). */
export function currentPosition(timeoutMs = 8000): Promise<{ lat: number; lon: number } | null> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lon: p.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
