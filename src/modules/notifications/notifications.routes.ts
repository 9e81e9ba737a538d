import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { ZBoolString, ZIdParams, ZPage } from '../../platform/http/schemas';
import { errors } from '../../platform/errors';
import { getAccess } from '../../platform/access';
import type { NotificationRow } from './notifications.repo';

const dto = (n: NotificationRow) => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  entityType: n.entity_type,
  entityId: n.entity_id,
  createdAt: n.created_at,
  readAt: n.read_at,
});

export async function notificationsRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/notifications',
    { schema: { tags: ['notifications'], querystring: z.strictObject({ unreadOnly: ZBoolString.optional(), ...ZPage }) } },
    async (req) => {
      const access = getAccess(req);
      const { page, pageSize, unreadOnly } = req.query;
      const rows = await ctx.db.query<NotificationRow & { total: number; unread: number }>(
        `SELECT n.*, count(*) OVER () AS total,
                (SELECT count(*) FROM notifications x WHERE x.user_id = $1 AND x.read_at IS NULL) AS unread
           FROM notifications n WHERE n.user_id = $1 ${unreadOnly ? 'AND n.read_at IS NULL' : ''}
          ORDER BY n.created_at DESC LIMIT $2 OFFSET $3`,
        [access.principal.userId, pageSize, (page - 1) * pageSize],
      );
      let unread = rows[0]?.unread;
      if (unread === undefined) {
        const c = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [access.principal.userId]);
        unread = c[0]?.n ?? 0;
      }
      return { items: rows.map(dto), total: rows[0]?.total ?? 0, unread, page, pageSize };
    },
  );

  app.get('/api/notifications/unread-count', { schema: { tags: ['notifications'] } }, async (req) => {
    const access = getAccess(req);
    const c = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [access.principal.userId]);
    return { unread: c[0]?.n ?? 0 };
  });

  app.post('/api/notifications/:id/read', { schema: { tags: ['notifications'], params: ZIdParams } }, async (req) => {
    const access = getAccess(req);
    const rows = await ctx.db.query<NotificationRow>(
      'UPDATE notifications SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND user_id = $2 RETURNING *',
      [req.params.id, access.principal.userId, ctx.now().toISOString()],
    );
    if (!rows[0]) throw errors.notFound('Notification', 'thông báo');
    return dto(rows[0]);
  });

  app.post('/api/notifications/read-all', { schema: { tags: ['notifications'] } }, async (req) => {
    const access = getAccess(req);
    const rows = await ctx.db.query('UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL RETURNING id', [
      access.principal.userId,
      ctx.now().toISOString(),
    ]);
    return { marked: rows.length };
  });

  /** Delivery log of outgoing e-mail, for administrators checking that notices reach people. */
  app.get(
    '/api/notifications/email-log',
    { schema: { tags: ['notifications'], querystring: z.strictObject({ status: z.enum(['PENDING', 'SENDING', 'SENT', 'FAILED']).optional(), ...ZPage }) } },
    async (req) => {
      const access = getAccess(req);
      access.require('users.manage');
      const { status, page, pageSize } = req.query;
      const rows = await ctx.db.query<{ id: string; to_address: string; subject: string; template: string; status: string; attempts: number; last_error: string | null; created_at: Date; sent_at: Date | null; next_attempt_at: Date; total: number }>(
        `SELECT id, to_address, subject, template, status, attempts, last_error, created_at, sent_at, next_attempt_at, count(*) OVER () AS total
           FROM email_outbox ${status ? 'WHERE status = $3' : ''} ORDER BY created_at DESC LIMIT $1 OFFSET $2`,
        status ? [pageSize, (page - 1) * pageSize, status] : [pageSize, (page - 1) * pageSize],
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          to: r.to_address,
          subject: r.subject,
          template: r.template,
          status: r.status,
          attempts: r.attempts,
          lastError: r.last_error,
          createdAt: r.created_at,
          sentAt: r.sent_at,
          nextAttemptAt: r.next_attempt_at,
        })),
        total: rows[0]?.total ?? 0,
      };
    },
  );
}
