/**
 * Who may do what, where: the role × permission catalogue, the Access object every route asks (permission and unit
 * scope) and `getAccess(req)`. The auth module builds Access from the session; no module imports auth for this.
 */
export { Access, type Principal, type UnitScopes } from './access';
export { PERMISSIONS, ROLES, ROLE_PERMISSIONS, ROLE_LABELS, type Permission, type Role } from './permissions';
export { getAccess, type SessionUser } from './request';
