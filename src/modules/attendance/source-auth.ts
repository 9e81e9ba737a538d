import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';

/**
 * Punch sources (gate cameras, terminals, import tools) authenticate as themselves with a bearer token the server
 * generates. The token is 32 random bytes: guessing is hopeless, so a plain SHA-256 of it is a safe thing to store
 * and to look up by (no slow hash, no timing-sensitive comparison: the lookup is by hash).
 */
export interface AuthenticatedSource {
  id: string;
  kind: 'CAMERA' | 'DEVICE' | 'MOBILE' | 'IMPORT';
  /** Every source that holds a token has a unit: tokens are only issued by a manager of that unit. */
  unitId: string;
}

const TOKEN_PREFIX = 'kcs_';

export function hashSourceToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const sourceUnauthenticated = () =>
  new AppError(
    401,
    'SOURCE_UNAUTHENTICATED',
    'Thiết bị chưa xác thực: cần mã truy cập hợp lệ của nguồn chấm công (Authorization: Bearer …).',
    'The device is not authenticated: a valid punch-source token is required (Authorization: Bearer …).',
  );

/**
 * Makes a new token for a source and stores its hash (the previous token, if any, stops working). Returns the token:
 * the only time it exists in clear. The caller audits.
 */
export async function issueSourceToken(db: Db, sourceId: string, now: Date): Promise<string> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const rows = await db.query('UPDATE punch_sources SET token_hash = $2, token_issued_at = $3 WHERE id = $1 RETURNING id', [
    sourceId,
    hashSourceToken(token),
    now,
  ]);
  if (rows.length === 0) throw new Error(`no punch source ${sourceId}`);
  return token;
}

/** The bearer token of a request, or undefined when there is none. */
export function bearerToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m?.[1];
}

/** The source a bearer token belongs to; 401 SOURCE_UNAUTHENTICATED for a missing, unknown or rotated token. */
export async function authenticateSource(db: Db, token: string | undefined): Promise<AuthenticatedSource> {
  if (!token?.startsWith(TOKEN_PREFIX) || token.length > 200) throw sourceUnauthenticated();
  const [row] = await db.query<{ id: string; kind: AuthenticatedSource['kind'] | 'MANUAL'; unit_id: string | null }>(
    'SELECT id, kind, unit_id FROM punch_sources WHERE token_hash = $1',
    [hashSourceToken(token)],
  );
  if (!row || row.unit_id === null || row.kind === 'MANUAL') throw sourceUnauthenticated();
  return { id: row.id, kind: row.kind, unitId: row.unit_id };
}

export const deviceEndpointOnly = () =>
  new AppError(
    403,
    'DEVICE_ENDPOINT_ONLY',
    'Chỉ thiết bị chấm công (bằng mã truy cập của thiết bị) được gửi vào đây. Người dùng bổ sung lượt chấm công qua "Chấm công thủ công" (có lý do, người duyệt, ghi nhật ký).',
    'Only punch devices (with their own token) may post here. Users add punches through a manual punch (reason, approver, audited).',
  );

const devices = new WeakMap<FastifyRequest, AuthenticatedSource>();

/**
 * `onRequest` hook of the device endpoints: authenticates the source before the body is read. A signed-in user is
 * refused outright (403): a person is never a device, whatever token they hold.
 */
export function requireDevice(db: Db): (req: FastifyRequest) => Promise<void> {
  return async (req) => {
    if (req.kcSession) throw deviceEndpointOnly();
    devices.set(req, await authenticateSource(db, bearerToken(req)));
  };
}

/** The source authenticated by `requireDevice` for this request. */
export function deviceOf(req: FastifyRequest): AuthenticatedSource {
  const d = devices.get(req);
  if (!d) throw sourceUnauthenticated();
  return d;
}
