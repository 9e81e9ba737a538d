import { z } from 'zod';
import { ZBoolString, ZPage, ZPageOf } from '../../platform/http/schemas';
import type { EmailLogRow, NotificationRow } from './notifications.repo';

/** One entry of a user's in-app notification centre. */
export const ZNotification = z
  .object({
    id: z.uuid(),
    kind: z.string().describe('The template that produced it, e.g. violation_opened, daily_digest, cameras.grant.'),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().describe('Path in the web app, relative to its root.'),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    createdAt: z.date(),
    readAt: z.date().nullable(),
  })
  .meta({ id: 'Notification' });

export function notificationDto(n: NotificationRow): z.output<typeof ZNotification> {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    entityType: n.entity_type,
    entityId: n.entity_id,
    createdAt: n.created_at,
    readAt: n.read_at,
  };
}

export const ZNotificationListQuery = z.strictObject({ unreadOnly: ZBoolString.optional(), ...ZPage });

export const ZNotificationPage = ZPageOf(ZNotification).extend({ unread: z.number().int() });

export const ZUnreadCount = z.object({ unread: z.number().int() });
export const ZMarkedCount = z.object({ marked: z.number().int().describe('How many notices were unread and are now read.') });

const EMAIL_STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED'] as const;
export const ZEmailLogQuery = z.strictObject({ status: z.enum(EMAIL_STATUSES).optional(), ...ZPage });

/** One outgoing e-mail and where its delivery stands. */
export const ZEmailLogEntry = z
  .object({
    id: z.uuid(),
    to: z.string(),
    subject: z.string(),
    template: z.string(),
    status: z.enum(EMAIL_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.date(),
    sentAt: z.date().nullable(),
    nextAttemptAt: z.date(),
  })
  .meta({ id: 'EmailLogEntry' });

export const ZEmailLogPage = z.object({ items: z.array(ZEmailLogEntry), total: z.number().int() });

export function emailLogDto(r: EmailLogRow): z.output<typeof ZEmailLogEntry> {
  return {
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
  };
}
