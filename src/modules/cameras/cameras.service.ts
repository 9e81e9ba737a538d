import { randomUUID } from 'node:crypto';
import { AppError, errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { type MaskPolygon, StreamError, type StreamProblem, type VideoEngine } from '../../platform/ports/video';
import { type AuditActor, recordAudit } from '../audit';
import { type CameraRow, type CameraWrite, getCameraRow, insertCamera, updateCamera } from './cameras.repo';
import { cameraRuleProblem, isRuleProblem, type LocationType, LOCATION_LABELS, parseStreamUrl } from './domain/camera-rules';
import { openCredentials, type SecretBox, sealCredentials } from './secret-box';

export interface CameraInput {
  name: string;
  locationType: LocationType;
  unitId: string;
  mainUrl: string;
  subUrl?: string | null;
  username?: string | null;
  /** Absent on update = keep the stored password. */
  password?: string | null;
  direction?: 'IN' | 'OUT' | null;
  recognitionAllowed?: boolean;
  enabled?: boolean;
  segmentSeconds?: number;
  retentionDays?: number;
  quotaBytes?: number | null;
  privacyMasks?: MaskPolygon[];
}

/** The API shape of a camera. Credentials never leave the server: only whether some are stored. */
export function cameraDto(c: CameraRow) {
  return {
    id: c.id,
    name: c.name,
    locationType: c.location_type,
    locationLabel: LOCATION_LABELS[c.location_type],
    unitId: c.unit_id,
    mainUrl: c.main_url,
    subUrl: c.sub_url,
    hasCredentials: c.credentials_enc !== null,
    direction: c.direction,
    recognitionAllowed: c.recognition_allowed,
    enabled: c.enabled,
    segmentSeconds: c.segment_seconds,
    retentionDays: c.retention_days,
    quotaBytes: c.quota_bytes,
    privacyMasks: c.privacy_masks,
    stream: c.codec ? { codec: c.codec, width: c.width, height: c.height, fps: c.fps } : null,
    health: { state: c.health, since: c.health_since.toISOString(), detail: c.health_detail },
    version: c.version,
    updatedAt: c.updated_at.toISOString(),
  };
}
export type CameraDto = ReturnType<typeof cameraDto>;

function bad(p: { code: string; vi: string; en: string }, details?: unknown): AppError {
  return errors.badRequest(p.code, p.vi, p.en, details);
}

/** Validates and normalises input into a row; credentials typed into the URL are moved into the sealed field. */
function toWrite(box: SecretBox, input: CameraInput, previous?: CameraRow): CameraWrite {
  const main = parseStreamUrl(input.mainUrl);
  if (isRuleProblem(main)) throw bad(main, { field: 'mainUrl' });
  let subUrl: string | null = null;
  if (input.subUrl) {
    const sub = parseStreamUrl(input.subUrl);
    if (isRuleProblem(sub)) throw bad(sub, { field: 'subUrl' });
    subUrl = sub.url;
  }
  const direction = input.direction ?? null;
  const recognitionAllowed = input.recognitionAllowed ?? false;
  const rule = cameraRuleProblem({ locationType: input.locationType, direction, recognitionAllowed });
  if (rule) throw bad(rule);
  const old = previous ? openCredentials(box, previous.credentials_enc) : null;
  const username = input.username ?? main.username ?? old?.username ?? '';
  const password = input.password ?? main.password ?? old?.password ?? '';
  return {
    name: input.name,
    location_type: input.locationType,
    unit_id: input.unitId,
    main_url: main.url,
    sub_url: subUrl,
    credentials_enc: sealCredentials(box, { username, password }),
    direction,
    recognition_allowed: recognitionAllowed,
    enabled: input.enabled ?? true,
    segment_seconds: input.segmentSeconds ?? 10,
    retention_days: input.retentionDays ?? 30,
    quota_bytes: input.quotaBytes ?? null,
    privacy_masks: input.privacyMasks ?? [],
  };
}

export async function createCamera(db: Db, box: SecretBox, actor: AuditActor, input: CameraInput): Promise<CameraRow> {
  const write = toWrite(box, input);
  return db.transaction(async (tx) => {
    const row = await insertCamera(tx, randomUUID(), write);
    await recordAudit(tx, {
      actor,
      action: 'cameras.create',
      entityType: 'camera',
      entityId: row.id,
      unitId: row.unit_id,
      details: { name: row.name, locationType: row.location_type, mainUrl: row.main_url, hasCredentials: !!row.credentials_enc },
    });
    return row;
  });
}

export async function editCamera(
  db: Db,
  box: SecretBox,
  actor: AuditActor,
  id: string,
  version: number,
  input: CameraInput,
  canManageUnit: (unitId: string) => boolean,
): Promise<CameraRow> {
  return db.transaction(async (tx) => {
    const prev = await getCameraRow(tx, id);
    if (!prev) throw errors.notFound('Camera', 'camera');
    if (!canManageUnit(prev.unit_id) || !canManageUnit(input.unitId)) throw errors.outOfScope();
    if (prev.version !== version)
      throw errors.conflict(
        'VERSION_CONFLICT',
        'Camera đã được người khác sửa. Hãy tải lại rồi sửa tiếp.',
        'Someone else changed this camera. Reload and try again.',
        { currentVersion: prev.version },
      );
    const row = await updateCamera(tx, id, toWrite(box, input, prev));
    await recordAudit(tx, {
      actor,
      action: 'cameras.update',
      entityType: 'camera',
      entityId: id,
      unitId: row.unit_id,
      details: {
        // The form always sends every field: name what really changed, so the log answers "who moved that mask".
        changed: changedFields(prev, row),
        credentialsChanged: JSON.stringify(openCredentials(box, prev.credentials_enc)) !== JSON.stringify(openCredentials(box, row.credentials_enc)),
        ...(JSON.stringify(prev.privacy_masks) !== JSON.stringify(row.privacy_masks)
          ? { privacyMasks: { before: prev.privacy_masks.length, after: row.privacy_masks.length } }
          : {}),
      },
    });
    return row;
  });
}

const EDITABLE: Array<keyof CameraWrite> = [
  'name', 'location_type', 'unit_id', 'main_url', 'sub_url', 'direction', 'recognition_allowed', 'enabled',
  'segment_seconds', 'retention_days', 'quota_bytes', 'privacy_masks',
];

function changedFields(prev: CameraRow, next: CameraRow): string[] {
  // bigint/numeric columns may come back as strings on one driver and numbers on another: compare as JSON of String.
  const same = (a: unknown, b: unknown) => JSON.stringify(a, (_k, v) => (typeof v === 'number' ? String(v) : v)) === JSON.stringify(b, (_k, v) => (typeof v === 'number' ? String(v) : v));
  return EDITABLE.filter((k) => !same(prev[k], next[k]));
}

const PROBLEM_TEXT: Record<StreamProblem, { status: number; vi: string; en: string }> = {
  UNREACHABLE: { status: 422, vi: 'Không kết nối được tới camera (sai địa chỉ, camera tắt hoặc mạng không thông).', en: 'Cannot reach the camera (wrong address, camera off or network down).' },
  AUTH_FAILED: { status: 422, vi: 'Camera từ chối tên đăng nhập hoặc mật khẩu.', en: 'The camera refused the user name or password.' },
  NOT_FOUND: { status: 422, vi: 'Camera không có luồng ở đường dẫn này.', en: 'The camera has no stream at this path.' },
  UNSUPPORTED_CODEC: { status: 422, vi: 'Camera đang phát chuẩn nén không được hỗ trợ; hãy đặt camera về H.264.', en: 'The camera sends a codec that is not supported; set it to H.264.' },
  NO_VIDEO: { status: 422, vi: 'Luồng không có hình ảnh.', en: 'The stream has no video.' },
  TIMEOUT: { status: 422, vi: 'Camera không phản hồi trong thời gian cho phép.', en: 'The camera did not answer in time.' },
  INVALID_URL: { status: 400, vi: 'Địa chỉ luồng camera không hợp lệ.', en: 'The camera stream URL is not valid.' },
  FAILED: { status: 422, vi: 'Không đọc được luồng camera.', en: 'Could not read the camera stream.' },
};

/** Connection test: codec, resolution, frame rate and one picture, or a clear reason it failed. */
export async function testConnection(
  engine: VideoEngine,
  source: { url: string; username: string | null; password: string | null },
  timeoutMs = 10_000,
) {
  const parsed = parseStreamUrl(source.url);
  if (isRuleProblem(parsed) && !source.url.startsWith('demo:')) throw bad(parsed);
  const url = isRuleProblem(parsed) ? source.url : parsed.url;
  try {
    const r = await engine.testStream(
      { url, username: source.username ?? (isRuleProblem(parsed) ? null : parsed.username), password: source.password ?? (isRuleProblem(parsed) ? null : parsed.password) },
      timeoutMs,
    );
    return {
      ok: true as const,
      codec: r.info.codec,
      profile: r.info.profile ?? null,
      width: r.info.width,
      height: r.info.height,
      fps: r.info.fps,
      snapshot: `data:image/jpeg;base64,${r.snapshotJpeg.toString('base64')}`,
    };
  } catch (err) {
    if (!(err instanceof StreamError)) throw err;
    const t = PROBLEM_TEXT[err.problem];
    throw new AppError(t.status, `CAMERA_${err.problem}`, t.vi, t.en, { problem: err.problem, detail: err.message, stream: err.info ?? null });
  }
}
