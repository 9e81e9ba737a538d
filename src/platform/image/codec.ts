import sharp, { type Metadata } from 'sharp';
import type { RgbImage } from '../ports/face-engine';
import { IMAGE_LIMITS, imageError } from './limits';

/**
 * Image files ↔ RGB pixels (sharp, in process: no files, no network). Pure pixel operations are in pixels.ts, the
 * upload limits and their bilingual errors in limits.ts, so pure code can use those without loading sharp.
 */

/**
 * Decodes JPEG/PNG/WebP bytes into RGB, applying the EXIF orientation (phone photos are often stored rotated).
 * Throws AppError with a clear reason instead of a library message.
 */
export async function decodeImage(bytes: Uint8Array): Promise<RgbImage> {
  if (bytes.byteLength > IMAGE_LIMITS.maxBytes) throw imageError('IMAGE_TOO_LARGE', { bytes: bytes.byteLength });
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw imageError('IMAGE_UNREADABLE');
  }
  if (!meta.width || !meta.height || !['jpeg', 'png', 'webp'].includes(meta.format ?? '')) {
    throw imageError('IMAGE_UNREADABLE', { format: meta.format });
  }
  if (meta.width * meta.height > IMAGE_LIMITS.maxPixels) {
    throw imageError('IMAGE_TOO_MANY_PIXELS', { width: meta.width, height: meta.height });
  }
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: IMAGE_LIMITS.maxPixels, failOn: 'error' })
      .rotate()
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
  } catch {
    throw imageError('IMAGE_UNREADABLE');
  }
}

/** JPEG bytes of an RGB image (snapshots, thumbnails of aligned crops). */
export async function encodeJpeg(image: RgbImage, quality = 85): Promise<Buffer> {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}
