import { z } from 'zod';
import { type Access, PERMISSIONS, ROLE_LABELS, ROLES } from '../../platform/access';
import type { UserAccountRow, UserRoleRow } from './auth.repo';

export const ZRole = z.enum(ROLES);
const ZLocale = z.enum(['vi', 'en']);
const ZBilingual = z.object({ vi: z.string(), en: z.string() });

export const ZLoginResult = z
  .object({
    user: z.object({ id: z.guid(), username: z.string(), displayName: z.string(), locale: ZLocale }),
    csrfToken: z.string().describe('Send back in the X-CSRF-Token header on every state-changing request.'),
  })
  .meta({ id: 'LoginResult' });

export const ZRoleGrant = z
  .object({ role: ZRole, label: ZBilingual, unitId: z.guid(), unitName: z.string() })
  .meta({ id: 'RoleGrant' });

/** The signed-in user as the web app sees it: identity, session CSRF token, roles and effective permissions. */
export const ZCurrentUser = z
  .object({
    id: z.guid(),
    username: z.string(),
    displayName: z.string(),
    personId: z.guid().nullable(),
    locale: ZLocale,
    csrfToken: z.string(),
    mustChangePassword: z.boolean(),
    roles: z.array(ZRoleGrant),
    permissions: z.array(z.enum(PERMISSIONS)),
  })
  .meta({ id: 'CurrentUser' });

export function meDto(
  access: Access,
  unitName: (unitId: string) => string,
  csrf: string,
  locale: 'vi' | 'en',
  mustChange: boolean,
): z.output<typeof ZCurrentUser> {
  return {
    id: access.principal.userId,
    username: access.principal.username,
    displayName: access.principal.displayName,
    personId: access.principal.personId,
    locale,
    csrfToken: csrf,
    mustChangePassword: mustChange,
    roles: access.principal.roles.map((r) => ({ role: r.role, label: ROLE_LABELS[r.role], unitId: r.unitId, unitName: unitName(r.unitId) })),
    permissions: PERMISSIONS.filter((p) => access.has(p)),
  };
}

export const ZRoleInfo = z
  .object({ role: ZRole, label: ZBilingual, permissions: z.array(z.enum(PERMISSIONS)) })
  .meta({ id: 'RoleInfo' });

export const ZUserRoleAssignment = z
  .object({
    id: z.guid(),
    role: ZRole,
    unitId: z.guid(),
    unitName: z.string(),
    validFrom: z.string().describe('YYYY-MM-DD'),
    validTo: z.string().nullable().describe('YYYY-MM-DD, exclusive'),
  })
  .meta({ id: 'UserRoleAssignment' });

export const ZUserAccount = z
  .object({
    id: z.guid(),
    username: z.string(),
    displayName: z.string(),
    personId: z.guid().nullable(),
    personName: z.string().nullable(),
    isActive: z.boolean(),
    lockedUntil: z.date().nullable(),
    lastLoginAt: z.date().nullable(),
    roles: z.array(ZUserRoleAssignment),
  })
  .meta({ id: 'UserAccount' });

export const ZUserAccountPage = z.object({ total: z.number().int(), items: z.array(ZUserAccount) });

export function userAccountDto(u: UserAccountRow, roles: UserRoleRow[]): z.output<typeof ZUserAccount> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    personId: u.person_id,
    personName: u.person_name,
    isActive: u.is_active,
    lockedUntil: u.locked_until,
    lastLoginAt: u.last_login_at,
    roles: roles
      .filter((r) => r.user_id === u.id)
      .map((r) => ({ id: r.id, role: r.role, unitId: r.unit_id, unitName: r.unit_name, validFrom: r.valid_from, validTo: r.valid_to })),
  };
}

/** The id of the created or changed record. */
export const ZIdResult = z.object({ id: z.guid() });
