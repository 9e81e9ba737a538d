import type { MaskPolygon } from '../../ports/video';

/**
 * Rasterises privacy-mask polygons (normalised 0..1 coordinates) into an RGBA PAM image: opaque black inside any
 * polygon, fully transparent elsewhere. ffmpeg reads PAM natively and `overlay` honours its alpha, so the same image
 * masks any resolution after `scale2ref`.
 */
export function maskPam(polygons: MaskPolygon[], width = 640, height = 360): Buffer {
  const header = Buffer.from(
    `P7\nWIDTH ${width}\nHEIGHT ${height}\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\nENDHDR\n`,
    'latin1',
  );
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    const fy = (y + 0.5) / height;
    for (let x = 0; x < width; x++) {
      const fx = (x + 0.5) / width;
      if (polygons.some((poly) => insidePolygon(poly, fx, fy))) pixels[(y * width + x) * 4 + 3] = 255;
    }
  }
  return Buffer.concat([header, pixels]);
}

/** Even-odd rule point-in-polygon. */
export function insidePolygon(poly: MaskPolygon, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i] as [number, number];
    const [xj, yj] = poly[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
