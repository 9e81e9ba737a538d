/** A polygon in normalised picture coordinates: [x, y] with 0..1 from the top-left corner. */
export type MaskPolygon = Array<[number, number]>;

/** The API's limits (cameras.routes.ts): at most 32 polygons of 3 to 64 points. */
export const MAX_MASKS = 32;
export const MAX_POINTS = 64;

/**
 * A click on the drawing surface as a normalised point: 0..1 from the top-left corner of the picture, clamped to
 * the edges and rounded to 4 decimals (1/10000 of the width is finer than any camera pixel).
 */
export function normalisedPoint(clientX: number, clientY: number, rect: { left: number; top: number; width: number; height: number }): [number, number] {
  const clamp = (v: number) => Math.min(1, Math.max(0, Math.round(v * 10_000) / 10_000));
  return [clamp((clientX - rect.left) / rect.width), clamp((clientY - rect.top) / rect.height)];
}

/** SVG `points` in percent of the box, so the outline follows the picture at any size. */
export function svgPoints(poly: MaskPolygon): string {
  return poly.map(([x, y]) => `${x * 100},${y * 100}`).join(' ');
}

/** True when the polygon encloses some area (three points on one line hide nothing). */
export function hasArea(poly: MaskPolygon): boolean {
  let twice = 0;
  for (let i = 0; i < poly.length; i++) {
    const [x1, y1] = poly[i] as [number, number];
    const [x2, y2] = poly[(i + 1) % poly.length] as [number, number];
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) > 1e-6;
}
