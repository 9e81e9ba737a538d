import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { errors } from '../../platform/errors';
import { ZDate, ZIdParams, ZPage, ZText } from '../../platform/http/schemas';
import { recordAudit } from '../audit';
import { loadOrgTree } from '../org';
import type { Access } from '../../platform/access';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth.http';
import { getAccess } from '../../platform/access';
import { PERMISSIONS, ROLE_LABELS, ROLE_PERMISSIONS, ROLES } from '../../platform/access';
import { deleteSession } from './sessions';
import { login } from './login.service';
import { addRole, changePassword, createUser, removeRole, setPassword } from './users.service';

const ZRole = z.enum(ROLES);

async function meDto(ctx: AppContext, access: Access, csrf: string, locale: string, mustChange: boolean) {
  const tree = await loadOrgTree(ctx.db);
  return {
    id: access.principal.userId,
    username: access.principal.username,
    displayName: access.principal.displayName,
    personId: access.principal.personId,
    locale,
    csrfToken: csrf,
    mustChangePassword: mustChange,
    roles: access.principal.roles.map((r) => ({ role: r.role, label: ROLE_LABELS[r.role], unitId: r.unitId, unitName: tree.byId.get(r.unitId)?.name ?? '' })),
    permissions: PERMISSIONS.filter((p) => access.has(p)),
  };
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
      schema: { tags: ['auth'], body: z.strictObject({ username: ZText(80).pipe(z.string().min(1)), password: z.string().min(1).max(200) }) },
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

  app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await deleteSession(ctx.db, token);
    if (req.kcAccess) await recordAudit(ctx.db, { actor: req.kcAccess.actor(), action: 'auth.logout', entityType: 'user', entityId: req.kcAccess.principal.userId });
    reply.clearCookie(SESSION_COOKIE, cookieOpts).clearCookie(CSRF_COOKIE, cookieOpts);
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'] } }, async (req) => {
    const access = getAccess(req);
    const s = req.kcSession as NonNullable<typeof req.kcSession>;
    return meDto(ctx, access, s.csrf, s.locale, s.mustChangePassword);
  });

  app.patch('/api/auth/me', { schema: { tags: ['auth'], body: z.strictObject({ locale: z.enum(['vi', 'en']) }) } }, async (req) => {
    const access = getAccess(req);
    await ctx.db.query('UPDATE users SET locale = $2 WHERE id = $1', [access.principal.userId, req.body.locale]);
    const s = req.kcSession as NonNullable<typeof req.kcSession>;
    return meDto(ctx, access, s.csrf, req.body.locale, s.mustChangePassword);
  });

  app.post(
    '/api/auth/password',
    { schema: { tags: ['auth'], body: z.strictObject({ currentPassword: z.string().max(200), newPassword: z.string().max(200) }) } },
    async (req, reply) => {
      const access = getAccess(req);
      await changePassword(ctx.db, access.principal.userId, req.body.currentPassword, req.body.newPassword, access.actor());
      reply.clearCookie(SESSION_COOKIE, cookieOpts).clearCookie(CSRF_COOKIE, cookieOpts);
      return reply.status(204).send();
    },
  );

  app.get('/api/roles', { schema: { tags: ['users'] } }, async (req) => {
    getAccess(req);
    return { items: ROLES.map((role) => ({ role, label: ROLE_LABELS[role], permissions: [...ROLE_PERMISSIONS[role]] })) };
  });

  app.get(
    '/api/users',
    { schema: { tags: ['users'], querystring: z.strictObject({ q: ZText(80).optional(), ...ZPage }) } },
    async (req) => {
      const access = getAccess(req);
      access.require('users.manage');
      const scope = access.unitsFor('users.manage');
      const like = `%${(req.query.q ?? '').toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // An account is in scope when one of its roles, or its staff record, is in a unit the admin manages.
      const where = `(lower(u.username) LIKE $1 OR lower(u.display_name) LIKE $1)
        AND (EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = u.id AND r.unit_id = ANY($2::uuid[]))
             OR EXISTS (SELECT 1 FROM persons p WHERE p.id = u.person_id AND p.unit_id = ANY($2::uuid[])))`;
      const total = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users u WHERE ${where}`, [like, scope]);
      const users = await ctx.db.query<Record<string, unknown> & { id: string }>(
        `SELECT u.id, u.username, u.display_name, u.person_id, p.full_name AS person_name, u.is_active, u.locked_until, u.last_login_at
           FROM users u LEFT JOIN persons p ON p.id = u.person_id WHERE ${where}
          ORDER BY u.username LIMIT ${req.query.pageSize} OFFSET ${(req.query.page - 1) * req.query.pageSize}`,
        [like, scope],
      );
      const roles = await ctx.db.query<{ id: string; user_id: string; role: string; unit_id: string; unit_name: string; valid_from: string; valid_to: string | null }>(
        `SELECT r.id, r.user_id, r.role, r.unit_id, o.name AS unit_name, r.valid_from, r.valid_to
           FROM role_assignments r JOIN org_units o ON o.id = r.unit_id WHERE r.user_id = ANY($1::uuid[]) ORDER BY r.created_at`,
        [users.map((u) => u.id)],
      );
      return {
        total: total[0]?.n ?? 0,
        items: users.map((u) => ({
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
        })),
      };
    },
  );

  const ZGrant = z.strictObject({ role: ZRole, unitId: z.uuid(), validFrom: ZDate.optional(), validTo: ZDate.nullish() });
  const assertCanGrant = (access: Access, role: string, unitId: string) => {
    access.requireInUnit('users.manage', unitId);
    // Nobody hands out more than they hold: only system administrators create system administrators.
    if (role === 'sysadmin' && !access.principal.roles.some((r) => r.role === 'sysadmin')) throw errors.forbidden({ role });
  };
  const userInScope = async (access: Access, userId: string) => {
    const rows = await ctx.db.query<{ unit_id: string }>(
      `SELECT unit_id FROM role_assignments WHERE user_id = $1
       UNION SELECT p.unit_id FROM users u JOIN persons p ON p.id = u.person_id WHERE u.id = $1`,
      [userId],
    );
    const exists = await ctx.db.query('SELECT 1 FROM users WHERE id = $1', [userId]);
    if (!exists.length) throw errors.notFound('User', 'người dùng');
    if (!rows.some((r) => access.canInUnit('users.manage', r.unit_id))) throw errors.outOfScope();
  };

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        body: z.strictObject({
          username: z.string().trim().regex(/^[a-zA-Z0-9._-]{3,40}$/, 'letters, digits, . _ - (3–40)'),
          displayName: ZText(120).pipe(z.string().min(2)),
          password: z.string().max(200),
          personId: z.uuid().nullish(),
          roles: z.array(z.strictObject({ role: ZRole, unitId: z.uuid() })).min(1).max(20),
        }),
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
        tags: ['users'],
        params: ZIdParams,
        body: z.strictObject({ displayName: ZText(120).optional(), isActive: z.boolean().optional(), personId: z.uuid().nullish() }),
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.require('users.manage');
      await userInScope(access, req.params.id);
      await ctx.db.transaction(async (tx) => {
        const before = (await tx.query('SELECT display_name, is_active, person_id FROM users WHERE id = $1', [req.params.id]))[0];
        await tx.query(
          `UPDATE users SET display_name = COALESCE($2, display_name), is_active = COALESCE($3, is_active),
                  person_id = CASE WHEN $4::boolean THEN $5::uuid ELSE person_id END, updated_at = now() WHERE id = $1`,
          [req.params.id, req.body.displayName ?? null, req.body.isActive ?? null, req.body.personId !== undefined, req.body.personId ?? null],
        );
        if (req.body.isActive === false) await tx.query('DELETE FROM sessions WHERE user_id = $1', [req.params.id]);
        await recordAudit(tx, { actor: access.actor(), action: 'users.update', entityType: 'user', entityId: req.params.id, details: { before, patch: req.body } });
      });
      return { id: req.params.id };
    },
  );

  app.post('/api/users/:id/roles', { schema: { tags: ['users'], params: ZIdParams, body: ZGrant } }, async (req, reply) => {
    const access = getAccess(req);
    assertCanGrant(access, req.body.role, req.body.unitId);
    if (!(await ctx.db.query('SELECT 1 FROM users WHERE id = $1', [req.params.id])).length) throw errors.notFound('User', 'người dùng');
    const id = await addRole(ctx.db, req.params.id, req.body, access.actor());
    return reply.status(201).send({ id });
  });

  app.delete(
    '/api/users/:id/roles/:assignmentId',
    { schema: { tags: ['users'], params: z.strictObject({ id: z.uuid(), assignmentId: z.uuid() }) } },
    async (req, reply) => {
      const access = getAccess(req);
      const rows = await ctx.db.query<{ unit_id: string; role: string }>('SELECT unit_id, role FROM role_assignments WHERE id = $1 AND user_id = $2', [
        req.params.assignmentId,
        req.params.id,
      ]);
      if (!rows[0]) throw errors.notFound('Role assignment', 'phân quyền');
      assertCanGrant(access, rows[0].role, rows[0].unit_id);
      await removeRole(ctx.db, req.params.id, req.params.assignmentId, access.actor());
      return reply.status(204).send();
    },
  );

  app.post('/api/users/:id/unlock', { schema: { tags: ['users'], params: ZIdParams } }, async (req) => {
    const access = getAccess(req);
    access.require('users.manage');
    await userInScope(access, req.params.id);
    await ctx.db.transaction(async (tx) => {
      await tx.query('UPDATE users SET locked_until = NULL, failed_attempts = 0 WHERE id = $1', [req.params.id]);
      await recordAudit(tx, { actor: access.actor(), action: 'users.unlock', entityType: 'user', entityId: req.params.id });
    });
    return { id: req.params.id };
  });

  app.post(
    '/api/users/:id/reset-password',
    { schema: { tags: ['users'], params: ZIdParams, body: z.strictObject({ newPassword: z.string().max(200) }) } },
    async (req, reply) => {
      const access = getAccess(req);
      access.require('users.manage');
      await userInScope(access, req.params.id);
      await setPassword(ctx.db, req.params.id, req.body.newPassword, access.actor(), true);
      return reply.status(204).send();
    },
  );
}
