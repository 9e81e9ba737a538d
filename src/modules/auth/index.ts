/**
 * auth — accounts, argon2id passwords, sessions in HTTP-only cookies with CSRF double-submit, login rate limit
 * and lockout, roles scoped to units. Owns users, role_assignments, sessions. Its request hook (`installAuth`,
 * installed by the server before any route) builds the Access that every other module reads with `getAccess(req)`
 * from `platform/access`.
 */
export { installAuth } from './auth.http';
export { createUser, addRole } from './users.service';
export { roleHoldersOn, accountsOfPersons, accountOf, userDisplayNames, type RoleHolder } from './role-holders';
