import { AppError } from '../errors';

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
