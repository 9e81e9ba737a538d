import sharp, { type Metadata } from 'sharp';
import { AppError } from '../../errors';
import type { RgbImage } from '../../ports/face-engine';

/** Limits that keep a hostile or broken upload from exhausting memory: 40 MB of file, 50 megapixels decoded. */
export const IMAGE_LIMITS = { maxBytes: 40 * 1024 * 1024, maxPixels: 50_000_000 } as const;

/** Why an image could not be used, with a stable code per reason so a per-file report can show it in both languages. */
export function imageError(code: 'IMAGE_TOO_LARGE' | 'IMAGE_UNREADABLE' | 'IMAGE_TOO_MANY_PIXELS', details?: unknown) {
  const text = {
    IMAGE_TOO_LARGE: [
      `Tệp ảnh quá lớn (tối đa ${IMAGE_LIMITS.maxBytes / 1024 / 1024} MB).`,
      `The image file is too large (at most ${IMAGE_LIMITS.maxBytes / 1024 / 1024} MB).`,
    ],
    IMAGE_UNREADABLE: [
      'Không đọc được ảnh: tệp hỏng hoặc không phải ảnh JPEG/PNG/WebP.',
      'The image cannot be read: the file is corrupt or not a JPEG/PNG/WebP image.',
    ],
    IMAGE_TOO_MANY_PIXELS: [
      `Ảnh có quá nhiều điểm ảnh (tối đa ${IMAGE_LIMITS.maxPixels / 1_000_000} triệu).`,
      `The image has too many pixels (at most ${IMAGE_LIMITS.maxPixels / 1_000_000} megapixels).`,
    ],
  }[code];
  return new AppError(400, code, text[0] as string, text[1] as string, details);
}

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

/** Bilinear sample of channel c at a real-valued position; outside the image reads as black. */
export function sampleBilinear(image: RgbImage, x: number, y: number, c: number): number {
  const { width, height, data } = image;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const at = (xx: number, yy: number) =>
    xx < 0 || yy < 0 || xx >= width || yy >= height ? 0 : (data[(yy * width + xx) * 3 + c] as number);
  const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
  const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}

/** Bilinear resize (area-agnostic; fine for the 1–3× downscales used before detection). */
export function resizeRgb(image: RgbImage, width: number, height: number): RgbImage {
  const out = new Uint8Array(width * height * 3);
  const sx = image.width / width;
  const sy = image.height / height;
  for (let y = 0; y < height; y++) {
    const srcY = Math.min(image.height - 1, (y + 0.5) * sy - 0.5);
    for (let x = 0; x < width; x++) {
      const srcX = Math.min(image.width - 1, (x + 0.5) * sx - 0.5);
      const o = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) out[o + c] = sampleBilinear(image, Math.max(0, srcX), Math.max(0, srcY), c);
    }
  }
  return { width, height, data: out };
}

/** Copy of a rectangle, clipped to the image. */
export function cropRgb(image: RgbImage, x: number, y: number, width: number, height: number): RgbImage {
  const x0 = Math.max(0, Math.floor(x));
  const y0 = Math.max(0, Math.floor(y));
  const x1 = Math.min(image.width, Math.ceil(x + width));
  const y1 = Math.min(image.height, Math.ceil(y + height));
  const w = Math.max(1, x1 - x0);
  const h = Math.max(1, y1 - y0);
  const out = new Uint8Array(w * h * 3);
  for (let row = 0; row < h && y0 + row < image.height; row++) {
    const start = ((y0 + row) * image.width + x0) * 3;
    out.set(image.data.subarray(start, start + Math.min(w, image.width - x0) * 3), row * w * 3);
  }
  return { width: w, height: h, data: out };
}
