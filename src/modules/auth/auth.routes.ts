import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { errors } from '../../platform/errors';
import { ZDate, ZIdParams, ZPage, ZText, ZNoContent } from '../../platform/http/schemas';
import { recordAudit } from '../audit';
import { loadOrgTree } from '../org';
import type { Access } from '../../platform/access';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth.http';
import { getAccess } from '../../platform/access';
import { ROLE_LABELS, ROLE_PERMISSIONS, ROLES } from '../../platform/access';
import { deleteSession } from './sessions';
import { meDto, userAccountDto, ZCurrentUser, ZIdResult, ZLoginResult, ZRole, ZRoleInfo, ZUserAccountPage } from './auth.dto';
import {
  deleteUserSessions,
  findRoleAssignment,
  listUserAccounts,
  setUserLocale,
  unitsOfUser,
  unlockUser,
  updateUserAccount,
  userBeforeUpdate,
  userExists,
} from './auth.repo';
import { login } from './login.service';
import { addRole, changePassword, createUser, removeRole, setPassword } from './users.service';

async function currentUser(ctx: AppContext, access: Access, csrf: string, locale: 'vi' | 'en', mustChange: boolean) {
  const tree = await loadOrgTree(ctx.db);
  return meDto(access, (unitId) => tree.byId.get(unitId)?.name ?? '', csrf, locale, mustChange);
}

export async function authRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const cookieOpts = { path: '/', sameSite: 'lax' as const, secure: ctx.config.secureCookies };

  const setCookies = (reply: FastifyReply, token: string, csrf: string, expires: Date) => {
    reply.setCookie(SESSION_COOKIE, token, { ...cookieOpts, httpOnly: true, expires });
    reply.setCookie(CSRF_COOKIE, csrf, { ...cookieOpts, httpOnly: false, expires });
  };

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: ctx.config.login.ratePerMinute, timeWindow: '1 minute' } },
      // ZText: a NUL byte in the username is a 400 here, not a 500 from PostgreSQL (which refuses NUL in text).
      schema: {
        summary: 'Sign in: sets the session and CSRF cookies',
        tags: ['auth'],
        body: z.strictObject({ username: ZText(80).pipe(z.string().min(1)), password: z.string().min(1).max(200) }),
        response: { 200: ZLoginResult },
      },
    },
    async (req, reply) => {
      const { user, session } = await login(
        ctx.db,
        { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null },
        { ...ctx.config.login, sessionHours: ctx.config.sessionHours },
        ctx.now(),
      );
      setCookies(reply, session.token, session.csrf, session.expiresAt);
      return { user: { id: user.id, username: user.username, displayName: user.display_name, locale: user.locale }, csrfToken: session.csrf };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { summary: 'Sign out: ends the session and clears its cookies', tags: ['auth'], response: { 204: ZNoContent } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await deleteSession(ctx.db, token);
      if (req.kcAccess) await recordAudit(ctx.db, { actor: req.kcAccess.actor(), action: 'auth.logout', entityType: 'user', entityId: req.kcAccess.principal.userId });
      reply.clearCookie(SESSION_COOKIE, cookieOpts).clearCookie(CSRF_COOKIE, cookieOpts);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { summary: 'Get the signed-in user, their roles and permissions', tags: ['auth'], response: { 200: ZCurrentUser } } },
    async (req) => {
      const access = getAccess(req);
      const s = req.kcSession as NonNullable<typeof req.kcSession>;
      return currentUser(ctx, access, s.csrf, s.locale, s.mustChangePassword);
    },
  );

  app.patch(
    '/api/auth/me',
    {
      schema: {
        summary: 'Set the language of the signed-in user',
        tags: ['auth'],
        body: z.strictObject({ locale: z.enum(['vi', 'en']) }),
        response: { 200: ZCurrentUser },
      },
    },
    async (req) => {
      const access = getAccess(req);
      await setUserLocale(ctx.db, access.principal.userId, req.body.locale);
      const s = req.kcSession as NonNullable<typeof req.kcSession>;
      return currentUser(ctx, access, s.csrf, req.body.locale, s.mustChangePassword);
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        summary: 'Change the password of the signed-in user (ends every session of the account)',
        tags: ['auth'],
        body: z.strictObject({ currentPassword: z.string().max(200), newPassword: z.string().max(200) }),
        response: { 204: ZNoContent },
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      await changePassword(ctx.db, access.principal.userId, req.body.currentPassword, req.body.newPassword, access.actor());
      reply.clearCookie(SESSION_COOKIE, cookieOpts).clearCookie(CSRF_COOKIE, cookieOpts);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/roles',
    { schema: { summary: 'List the roles and the permissions each grants', tags: ['users'], response: { 200: z.object({ items: z.array(ZRoleInfo) }) } } },
    async (req) => {
      getAccess(req);
      return { items: ROLES.map((role) => ({ role, label: ROLE_LABELS[role], permissions: [...ROLE_PERMISSIONS[role]] })) };
    },
  );

  app.get(
    '/api/users',
    {
      schema: {
        summary: 'List the user accounts in the units the administrator manages',
        tags: ['users'],
        querystring: z.strictObject({ q: ZText(80).optional(), ...ZPage }),
        response: { 200: ZUserAccountPage },
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.require('users.manage');
      const { total, users, roles } = await listUserAccounts(ctx.db, { ...req.query, scopeUnitIds: access.unitsFor('users.manage') });
      return { total, items: users.map((u) => userAccountDto(u, roles)) };
    },
  );

  const ZGrant = z.strictObject({ role: ZRole, unitId: z.uuid(), validFrom: ZDate.optional(), validTo: ZDate.nullish() });
  const assertCanGrant = (access: Access, role: string, unitId: string) => {
    access.requireInUnit('users.manage', unitId);
    // Nobody hands out more than they hold: only system administrators create system administrators.
    if (role === 'sysadmin' && !access.principal.roles.some((r) => r.role === 'sysadmin')) throw errors.forbidden({ role });
  };
  const userInScope = async (access: Access, userId: string) => {
    const units = await unitsOfUser(ctx.db, userId);
    if (!(await userExists(ctx.db, userId))) throw errors.notFound('User', 'người dùng');
    if (!units.some((unitId) => access.canInUnit('users.manage', unitId))) throw errors.outOfScope();
  };

  app.post(
    '/api/users',
    {
      schema: {
        summary: 'Create a user account with its first roles',
        tags: ['users'],
        body: z.strictObject({
          username: z.string().trim().regex(/^[a-zA-Z0-9._-]{3,40}$/, 'letters, digits, . _ - (3–40)'),
          displayName: ZText(120).pipe(z.string().min(2)),
          password: z.string().max(200),
          personId: z.uuid().nullish(),
          roles: z.array(z.strictObject({ role: ZRole, unitId: z.uuid() })).min(1).max(20),
        }),
        response: { 201: ZIdResult },
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      access.require('users.manage');
      for (const r of req.body.roles) assertCanGrant(access, r.role, r.unitId);
      const id = await createUser(ctx.db, req.body, access.actor());
      return reply.status(201).send({ id });
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        summary: 'Change a user account (name, active, staff record); deactivating ends its sessions',
        tags: ['users'],
        params: ZIdParams,
        body: z.strictObject({ displayName: ZText(120).optional(), isActive: z.boolean().optional(), personId: z.uuid().nullish() }),
        response: { 200: ZIdResult },
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.require('users.manage');
      await userInScope(access, req.params.id);
      await ctx.db.transaction(async (tx) => {
        const before = await userBeforeUpdate(tx, req.params.id);
        await updateUserAccount(tx, req.params.id, req.body);
        if (req.body.isActive === false) await deleteUserSessions(tx, req.params.id);
        await recordAudit(tx, { actor: access.actor(), action: 'users.update', entityType: 'user', entityId: req.params.id, details: { before, patch: req.body } });
      });
      return { id: req.params.id };
    },
  );

  app.post(
    '/api/users/:id/roles',
    { schema: { summary: 'Grant a role in a unit to a user', tags: ['users'], params: ZIdParams, body: ZGrant, response: { 201: ZIdResult } } },
    async (req, reply) => {
      const access = getAccess(req);
      assertCanGrant(access, req.body.role, req.body.unitId);
      if (!(await userExists(ctx.db, req.params.id))) throw errors.notFound('User', 'người dùng');
      const id = await addRole(ctx.db, req.params.id, req.body, access.actor());
      return reply.status(201).send({ id });
    },
  );

  app.delete(
    '/api/users/:id/roles/:assignmentId',
    {
      schema: {
        summary: 'Revoke a role assignment of a user',
        tags: ['users'],
        params: z.strictObject({ id: z.uuid(), assignmentId: z.uuid() }),
        response: { 204: ZNoContent },
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      const assignment = await findRoleAssignment(ctx.db, req.params.id, req.params.assignmentId);
      if (!assignment) throw errors.notFound('Role assignment', 'phân quyền');
      assertCanGrant(access, assignment.role, assignment.unit_id);
      await removeRole(ctx.db, req.params.id, req.params.assignmentId, access.actor());
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/users/:id/unlock',
    { schema: { summary: 'Unlock a user account locked after failed sign-ins', tags: ['users'], params: ZIdParams, response: { 200: ZIdResult } } },
    async (req) => {
      const access = getAccess(req);
      access.require('users.manage');
      await userInScope(access, req.params.id);
      await ctx.db.transaction(async (tx) => {
        await unlockUser(tx, req.params.id);
        await recordAudit(tx, { actor: access.actor(), action: 'users.unlock', entityType: 'user', entityId: req.params.id });
      });
      return { id: req.params.id };
    },
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        summary: 'Set a new password for a user, who must change it at next sign-in',
        tags: ['users'],
        params: ZIdParams,
        body: z.strictObject({ newPassword: z.string().max(200) }),
        response: { 204: ZNoContent },
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      access.require('users.manage');
      await userInScope(access, req.params.id);
      await setPassword(ctx.db, req.params.id, req.body.newPassword, access.actor(), true);
      return reply.status(204).send();
    },
  );
}
