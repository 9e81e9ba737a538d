import type { FastifyRequest } from 'fastify';
import { errors } from '../errors';
import type { Access } from './access';
import type { Role } from './permissions';

/** A valid session as the auth module loads it from its cookie. */
export interface SessionUser {
  userId: string;
  username: string;
  displayName: string;
  personId: string | null;
  locale: 'vi' | 'en';
  csrf: string;
  mustChangePassword: boolean;
  roles: Array<{ role: Role; unitId: string }>;
}

/**
 * The auth module's request hook resolves the session cookie into these two decorations (see auth/auth.http.ts);
 * every other module reads them only through `getAccess`, so no module depends on auth to guard its routes.
 */
declare module 'fastify' {
  interface FastifyRequest {
    kcAccess: Access | null;
    kcSession: SessionUser | null;
  }
}

/** The signed-in user's access, or 401. Every protected route starts with this. */
export function getAccess(req: FastifyRequest): Access {
  if (!req.kcAccess) throw errors.unauthenticated();
  return req.kcAccess;
}
