import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/module';
import { ZIdParams } from '../../platform/http/schemas';
import { errors } from '../../platform/errors';
import { getAccess } from '../../platform/access';
import {
  emailLogDto,
  notificationDto,
  ZEmailLogPage,
  ZEmailLogQuery,
  ZMarkedCount,
  ZNotification,
  ZNotificationListQuery,
  ZNotificationPage,
  ZUnreadCount,
} from './notifications.dto';
import { emailLog, listNotifications, markAllRead, markRead, unreadCount } from './notifications.repo';

const tags = ['notifications'];

export async function notificationsRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/notifications',
    { schema: { summary: "List the signed-in user's notifications, newest first", tags, querystring: ZNotificationListQuery, response: { 200: ZNotificationPage } } },
    async (req) => {
      const access = getAccess(req);
      const { page, pageSize, unreadOnly } = req.query;
      const rows = await listNotifications(ctx.db, access.principal.userId, { unreadOnly, page, pageSize });
      const unread = rows[0]?.unread ?? (await unreadCount(ctx.db, access.principal.userId));
      return { items: rows.map(notificationDto), total: rows[0]?.total ?? 0, unread, page, pageSize };
    },
  );

  app.get(
    '/api/notifications/unread-count',
    { schema: { summary: "Count the signed-in user's unread notifications", tags, response: { 200: ZUnreadCount } } },
    async (req) => {
      const access = getAccess(req);
      return { unread: await unreadCount(ctx.db, access.principal.userId) };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    { schema: { summary: 'Mark one of my notifications read', tags, params: ZIdParams, response: { 200: ZNotification } } },
    async (req) => {
      const access = getAccess(req);
      const row = await markRead(ctx.db, req.params.id, access.principal.userId, ctx.now());
      if (!row) throw errors.notFound('Notification', 'thông báo');
      return notificationDto(row);
    },
  );

  app.post(
    '/api/notifications/read-all',
    { schema: { summary: 'Mark all my notifications read', tags, response: { 200: ZMarkedCount } } },
    async (req) => {
      const access = getAccess(req);
      return { marked: await markAllRead(ctx.db, access.principal.userId, ctx.now()) };
    },
  );

  /** Delivery log of outgoing e-mail, for administrators checking that notices reach people. */
  app.get(
    '/api/notifications/email-log',
    { schema: { summary: 'List outgoing e-mails with their delivery status', tags, querystring: ZEmailLogQuery, response: { 200: ZEmailLogPage } } },
    async (req) => {
      const access = getAccess(req);
      access.require('users.manage');
      const { status, page, pageSize } = req.query;
      const rows = await emailLog(ctx.db, { status, page, pageSize });
      return { items: rows.map(emailLogDto), total: rows[0]?.total ?? 0 };
    },
  );
}
