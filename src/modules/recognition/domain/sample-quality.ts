import { DEFAULT_QUALITY_LIMITS, type QualityLimits, type QualityReport } from './quality';

/**
 * One number to rank the faces of a gate enrollment group by: size (eye distance), sharpness and how frontal the
 * face is, each in [0, 1]. Faces that pass the enrollment quality checks always rank above those that fail
 * ([0.5, 1] against [0, 0.5)), so the templates made from a group are the ones a photo upload would also accept.
 */
export function sampleQuality(report: QualityReport, limits: QualityLimits = DEFAULT_QUALITY_LIMITS): number {
  const size = Math.min(1, (report.eyeDistance ?? 0) / 80);
  const sharp = Math.min(1, (report.sharpness ?? 0) / 300);
  const frontal = 1 - Math.min(1, (report.yaw ?? limits.maxYaw) / limits.maxYaw);
  const base = 0.4 * size + 0.3 * sharp + 0.3 * frontal;
  return Math.round((report.ok ? 0.5 + 0.5 * base : 0.5 * base) * 1000) / 1000;
}
