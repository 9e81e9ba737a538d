/**
 * auth — accounts, argon2id passwords, sessions in HTTP-only cookies with CSRF double-submit, login rate limit
 * and lockout, roles scoped to units. Owns users, role_assignments, sessions. Every other module asks it
 * `getAccess(req)` and checks permission and unit scope through the returned Access.
 */
import type { KcModule } from '../../app/context';
import { authRoutes } from './auth.routes';

export { getAccess, installAuth } from './auth.http';
export { Access, type Principal } from './access';
export { PERMISSIONS, ROLES, ROLE_PERMISSIONS, ROLE_LABELS, type Permission, type Role } from './permissions';
export { createUser, addRole } from './users.service';
export { hashPassword } from './password';
export { uploadRateLimit } from './upload-rate-limit';

export const authModule: KcModule = { name: 'auth', routes: authRoutes };
