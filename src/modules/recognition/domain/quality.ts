import type { DetectedFace, RgbImage } from '../../../platform/ports/face-engine';

/**
 * Enrollment quality checks with a stable reason code per failure, so the per-file report can say exactly why a
 * photo was refused (in Vietnamese and English). Templates from poor photos cause wrong punches later.
 */
export type QualityIssue = 'NO_FACE' | 'MANY_FACES' | 'FACE_TOO_SMALL' | 'BLURRY' | 'POSE_TURNED' | 'POSE_TILTED';

export const QUALITY_MESSAGES: Record<QualityIssue, { vi: string; en: string }> = {
  NO_FACE: { vi: 'Không tìm thấy khuôn mặt trong ảnh.', en: 'No face was found in the photo.' },
  MANY_FACES: { vi: 'Ảnh có nhiều khuôn mặt; chỉ được có một người.', en: 'The photo shows several faces; it must show one person.' },
  FACE_TOO_SMALL: { vi: 'Khuôn mặt quá nhỏ; hãy chụp gần hơn.', en: 'The face is too small; take the photo closer.' },
  BLURRY: { vi: 'Ảnh bị mờ; hãy chụp lại rõ nét hơn.', en: 'The photo is blurry; take a sharper one.' },
  POSE_TURNED: { vi: 'Khuôn mặt quay nghiêng quá nhiều; hãy nhìn thẳng.', en: 'The face is turned too far; look straight at the camera.' },
  POSE_TILTED: { vi: 'Đầu nghiêng quá nhiều; hãy giữ thẳng đầu.', en: 'The head is tilted too far; hold it upright.' },
};

export interface QualityLimits {
  /** Minimum distance between the eye centres, in pixels of the original photo. */
  minEyeDistance: number;
  /** Minimum variance of the Laplacian of the aligned grey crop (Frigate penalises below ~120–250). */
  minSharpness: number;
  /** Maximum |nose offset from the eyes' midline| / eye distance (a yaw proxy). */
  maxYaw: number;
  /** Maximum eye-line roll in degrees. */
  maxRollDegrees: number;
}

export const DEFAULT_QUALITY_LIMITS: QualityLimits = { minEyeDistance: 28, minSharpness: 40, maxYaw: 0.35, maxRollDegrees: 25 };

export interface QualityReport {
  ok: boolean;
  issues: QualityIssue[];
  eyeDistance?: number;
  sharpness?: number;
  yaw?: number;
  rollDegrees?: number;
}

/** Variance of the 4-neighbour Laplacian of the grey image: low means few edges, i.e. blur. */
export function laplacianVariance(image: RgbImage): number {
  const { width, height, data } = image;
  const grey = new Float32Array(width * height);
  for (let i = 0; i < grey.length; i++) {
    grey[i] = 0.299 * (data[i * 3] as number) + 0.587 * (data[i * 3 + 1] as number) + 0.114 * (data[i * 3 + 2] as number);
  }
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const lap =
        (grey[i - 1] as number) + (grey[i + 1] as number) + (grey[i - width] as number) + (grey[i + width] as number) - 4 * (grey[i] as number);
      sum += lap;
      sumSq += lap * lap;
      n++;
    }
  }
  return n ? sumSq / n - (sum / n) ** 2 : 0;
}

/** Checks one photo's detections; `aligned` is the engine's aligned crop of the single face (for sharpness). */
export function checkEnrollmentQuality(
  faces: DetectedFace[],
  aligned: RgbImage | undefined,
  limits: QualityLimits = DEFAULT_QUALITY_LIMITS,
): QualityReport {
  if (faces.length === 0) return { ok: false, issues: ['NO_FACE'] };
  if (faces.length > 1) return { ok: false, issues: ['MANY_FACES'] };
  const [re, le, nose] = (faces[0] as DetectedFace).landmarks;
  const eyeDistance = Math.hypot(le.x - re.x, le.y - re.y);
  const rollDegrees = (Math.atan2(le.y - re.y, le.x - re.x) * 180) / Math.PI;
  // Signed distance of the nose tip from the perpendicular bisector of the eyes, in eye distances.
  const mid = { x: (re.x + le.x) / 2, y: (re.y + le.y) / 2 };
  const yaw = Math.abs(((nose.x - mid.x) * (le.x - re.x) + (nose.y - mid.y) * (le.y - re.y)) / (eyeDistance * eyeDistance));
  const sharpness = aligned ? laplacianVariance(aligned) : undefined;
  const issues: QualityIssue[] = [];
  if (eyeDistance < limits.minEyeDistance) issues.push('FACE_TOO_SMALL');
  if (sharpness !== undefined && sharpness < limits.minSharpness) issues.push('BLURRY');
  if (yaw > limits.maxYaw) issues.push('POSE_TURNED');
  if (Math.abs(rollDegrees) > limits.maxRollDegrees) issues.push('POSE_TILTED');
  return { ok: issues.length === 0, issues, eyeDistance, sharpness, yaw, rollDegrees };
}
