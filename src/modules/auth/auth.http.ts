import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/module';
import { AppError, errors } from '../../platform/errors';
import { loadOrgTree } from '../org';
import { Access } from '../../platform/access';
import { loadSession, type SessionUser, sameSecret } from './sessions';

export const SESSION_COOKIE = 'kc_session';
export const CSRF_COOKIE = 'kc_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes that are reachable without a session (and so without a CSRF token). */
const PUBLIC_WRITES = new Set(['/api/auth/login']);
/**
 * What a user whose password was set by an administrator may do before choosing their own: sign in and out, read
 * and set their session info (the web app needs /me to know it must show the password form), change the password.
 */
const BEFORE_PASSWORD_CHANGE = new Set(['POST /api/auth/login', 'POST /api/auth/logout', 'GET /api/auth/me', 'PATCH /api/auth/me', 'POST /api/auth/password']);

export const passwordChangeRequired = () =>
  new AppError(
    403,
    'PASSWORD_CHANGE_REQUIRED',
    'Bạn phải đổi mật khẩu do quản trị viên cấp trước khi tiếp tục.',
    'You must change the password set by your administrator before you continue.',
  );

/**
 * Resolves the session cookie on every /api request into an Access object and enforces CSRF (double submit:
 * the token given at login must come back in the X-CSRF-Token header) on every state-changing request.
 */
export function installAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('kcAccess', null);
  app.decorateRequest('kcSession', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const session = await loadSession(ctx.db, token, ctx.now());
      if (session) {
        const tree = await loadOrgTree(ctx.db);
        req.kcSession = session;
        req.kcAccess = new Access(
          {
            userId: session.userId,
            username: session.username,
            displayName: session.displayName,
            personId: session.personId,
            roles: session.roles,
            ip: req.ip,
          },
          tree,
        );
      }
    }
    const path = req.url.split('?')[0] ?? '';
    if (UNSAFE.has(req.method) && !PUBLIC_WRITES.has(path) && req.kcSession) {
      const given = req.headers[CSRF_HEADER];
      if (typeof given !== 'string' || !sameSecret(given, req.kcSession.csrf)) throw errors.csrf();
    }
    if (req.kcSession?.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(`${req.method} ${path}`)) throw passwordChangeRequired();
  });
}

