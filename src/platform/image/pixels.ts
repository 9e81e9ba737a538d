import type { RgbImage } from '../ports/face-engine';

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
