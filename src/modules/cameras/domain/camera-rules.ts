/** Pure rules of the camera registry (no I/O). */
export const LOCATION_TYPES = ['GATE', 'PARKING', 'ONE_STOP', 'RECEPTION', 'OTHER'] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];

/** Citizen-facing places: face recognition must never run there (domain.md §9.3, "Citizens"). */
export const CITIZEN_FACING: readonly LocationType[] = ['ONE_STOP', 'RECEPTION'];

export const LOCATION_LABELS: Record<LocationType, { vi: string; en: string }> = {
  GATE: { vi: 'Cổng ra vào', en: 'Gate' },
  PARKING: { vi: 'Bãi đỗ xe', en: 'Parking lot' },
  ONE_STOP: { vi: 'Bộ phận Một cửa', en: 'One-stop desk' },
  RECEPTION: { vi: 'Phòng tiếp công dân', en: 'Citizen reception room' },
  OTHER: { vi: 'Khác', en: 'Other' },
};

export interface RuleProblem {
  code: string;
  vi: string;
  en: string;
}

/** Checks the combination of location, direction and recognition flag. */
export function cameraRuleProblem(c: {
  locationType: LocationType;
  direction: 'IN' | 'OUT' | null;
  recognitionAllowed: boolean;
}): RuleProblem | undefined {
  if (c.direction && c.locationType !== 'GATE')
    return {
      code: 'DIRECTION_ONLY_FOR_GATE',
      vi: 'Chỉ camera ở cổng mới có hướng vào/ra.',
      en: 'Only gate cameras have an in/out direction.',
    };
  if (c.recognitionAllowed && CITIZEN_FACING.includes(c.locationType))
    return {
      code: 'RECOGNITION_NOT_ALLOWED_HERE',
      vi: 'Không được bật nhận diện khuôn mặt ở nơi tiếp công dân (Bộ phận Một cửa, phòng tiếp dân).',
      en: 'Face recognition may not be enabled where citizens are served (one-stop desk, reception room).',
    };
  return undefined;
}

/**
 * Splits `rtsp://user:pass@host/path` into a credential-free URL and the credentials, and refuses anything that is
 * not a well-formed rtsp:// or rtsps:// URL with a host.
 */
export function parseStreamUrl(raw: string): { url: string; username: string | null; password: string | null } | RuleProblem {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return { code: 'INVALID_CAMERA_URL', vi: 'Địa chỉ luồng camera không hợp lệ.', en: 'The camera stream URL is not valid.' };
  }
  if (u.protocol !== 'rtsp:' && u.protocol !== 'rtsps:')
    return {
      code: 'INVALID_CAMERA_URL',
      vi: 'Địa chỉ luồng phải bắt đầu bằng rtsp:// hoặc rtsps://.',
      en: 'The stream URL must start with rtsp:// or rtsps://.',
    };
  if (!u.hostname)
    return { code: 'INVALID_CAMERA_URL', vi: 'Địa chỉ luồng thiếu tên máy chủ.', en: 'The stream URL has no host.' };
  const username = u.username ? decodeURIComponent(u.username) : null;
  const password = u.password ? decodeURIComponent(u.password) : null;
  u.username = '';
  u.password = '';
  return { url: u.toString(), username, password };
}

export function isRuleProblem(x: unknown): x is RuleProblem {
  return typeof x === 'object' && x !== null && 'code' in x && 'vi' in x;
}
