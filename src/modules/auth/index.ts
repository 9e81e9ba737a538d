/**
 * auth — accounts, argon2id passwords, sessions in HTTP-only cookies with CSRF double-submit, login rate limit
 * and lockout, roles scoped to units. Owns users, role_assignments, sessions. Its request hook builds the
 * Access that every other module reads with `getAccess(req)` from `platform/access`.
 */
import type { KcModule } from '../../platform/module';
import { authRoutes } from './auth.routes';

export { installAuth } from './auth.http';
export { createUser, addRole } from './users.service';
export { hashPassword } from './password';

export const authModule: KcModule = { name: 'auth', routes: authRoutes };
