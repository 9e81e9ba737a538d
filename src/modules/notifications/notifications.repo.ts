import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/ports/db';

export interface NotificationRow {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  entity_type: string | null;
  entity_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

export interface OutboxRow {
  id: string;
  dedup_key: string | null;
  to_address: string;
  to_name: string | null;
  subject: string;
  body_text: string;
  body_html: string | null;
  template: string;
  entity_type: string | null;
  entity_id: string | null;
  status: 'PENDING' | 'SENDING' | 'SENT' | 'FAILED';
  attempts: number;
  max_attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  message_id: string | null;
  created_at: Date;
  sent_at: Date | null;
}

export async function insertNotification(
  db: Db,
  n: { userId: string; kind: string; title: string; body: string; link?: string | null; entityType?: string; entityId?: string },
  at: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO notifications (id, user_id, kind, title, body, link, entity_type, entity_id, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [randomUUID(), n.userId, n.kind, n.title, n.body, n.link ?? null, n.entityType ?? null, n.entityId ?? null, at.toISOString()],
  );
}

/** Queues one e-mail; a second call with the same dedup key is a no-op (bus redelivery, digest rerun). */
export async function enqueueEmail(
  db: Db,
  m: {
    dedupKey?: string | null;
    to: string;
    toName?: string | null;
    subject: string;
    text: string;
    html?: string | null;
    template: string;
    entityType?: string;
    entityId?: string;
    maxAttempts: number;
  },
  at: Date,
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO email_outbox (id, dedup_key, to_address, to_name, subject, body_text, body_html, template, entity_type,
                               entity_id, status, max_attempts, next_attempt_at, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,'PENDING',$11,$12,$12)
     ON CONFLICT (dedup_key) DO NOTHING RETURNING id`,
    [
      randomUUID(),
      m.dedupKey ?? null,
      m.to,
      m.toName ?? null,
      m.subject,
      m.text,
      m.html ?? null,
      m.template,
      m.entityType ?? null,
      m.entityId ?? null,
      m.maxAttempts,
      at.toISOString(),
    ],
  );
  return rows.length > 0;
}

/**
 * Takes up to `limit` due messages and leases them for `leaseMs` (status SENDING, next_attempt_at pushed forward),
 * so a worker that dies mid-send leaves them to be picked up again after the lease instead of losing them.
 */
export async function claimDueEmails(db: Db, now: Date, limit: number, leaseMs: number): Promise<OutboxRow[]> {
  return db.query<OutboxRow>(
    `UPDATE email_outbox SET status = 'SENDING', next_attempt_at = $3
      WHERE id IN (SELECT id FROM email_outbox
                    WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= $1
                    ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
      RETURNING *`,
    [now.toISOString(), limit, new Date(now.getTime() + leaseMs).toISOString()],
  );
}

export async function recordAttempt(
  db: Db,
  row: OutboxRow,
  outcome: { ok: true; messageId: string; response: string } | { ok: false; error: string; retryAt: Date | null },
  at: Date,
): Promise<void> {
  const attempt = row.attempts + 1;
  await db.transaction(async (tx) => {
    await tx.query(
      'INSERT INTO email_delivery_log (id, outbox_id, attempt, at, ok, response, error) VALUES ($1,$2,$3,$4,$5,$6,$7)',
      [randomUUID(), row.id, attempt, at.toISOString(), outcome.ok, outcome.ok ? outcome.response : null, outcome.ok ? null : outcome.error],
    );
    if (outcome.ok)
      await tx.query(
        `UPDATE email_outbox SET status = 'SENT', attempts = $2, sent_at = $3, message_id = $4, last_error = NULL WHERE id = $1`,
        [row.id, attempt, at.toISOString(), outcome.messageId],
      );
    else
      await tx.query(
        `UPDATE email_outbox SET status = $2, attempts = $3, last_error = $4, next_attempt_at = $5 WHERE id = $1`,
        [
          row.id,
          outcome.retryAt ? 'PENDING' : 'FAILED',
          attempt,
          outcome.error.slice(0, 2000),
          (outcome.retryAt ?? at).toISOString(),
        ],
      );
  });
}

/** Whether `userId` already has an in-app notice of this kind about this entity. */
export async function hasNotification(db: Db, userId: string, kind: string, entityId: string | undefined): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM notifications WHERE user_id = $1 AND kind = $2 AND entity_id IS NOT DISTINCT FROM $3', [userId, kind, entityId ?? null]);
  return rows.length > 0;
}

export async function listNotifications(
  db: Db,
  userId: string,
  q: { unreadOnly?: boolean; page: number; pageSize: number },
): Promise<Array<NotificationRow & { total: number; unread: number }>> {
  return db.query<NotificationRow & { total: number; unread: number }>(
    `SELECT n.*, count(*) OVER () AS total,
            (SELECT count(*) FROM notifications x WHERE x.user_id = $1 AND x.read_at IS NULL) AS unread
       FROM notifications n WHERE n.user_id = $1 ${q.unreadOnly ? 'AND n.read_at IS NULL' : ''}
      ORDER BY n.created_at DESC LIMIT $2 OFFSET $3`,
    [userId, q.pageSize, (q.page - 1) * q.pageSize],
  );
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const c = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [userId]);
  return c[0]?.n ?? 0;
}

export async function markRead(db: Db, id: string, userId: string, at: Date): Promise<NotificationRow | undefined> {
  const rows = await db.query<NotificationRow>(
    'UPDATE notifications SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND user_id = $2 RETURNING *',
    [id, userId, at.toISOString()],
  );
  return rows[0];
}

export async function markAllRead(db: Db, userId: string, at: Date): Promise<number> {
  const rows = await db.query('UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL RETURNING id', [userId, at.toISOString()]);
  return rows.length;
}

export type EmailLogRow = Pick<OutboxRow, 'id' | 'to_address' | 'subject' | 'template' | 'status' | 'attempts' | 'last_error' | 'created_at' | 'sent_at' | 'next_attempt_at'> & { total: number };

/** The outgoing e-mail, newest first, optionally of one status. */
export async function emailLog(db: Db, q: { status?: OutboxRow['status']; page: number; pageSize: number }): Promise<EmailLogRow[]> {
  return db.query<EmailLogRow>(
    `SELECT id, to_address, subject, template, status, attempts, last_error, created_at, sent_at, next_attempt_at, count(*) OVER () AS total
       FROM email_outbox ${q.status ? 'WHERE status = $3' : ''} ORDER BY created_at DESC LIMIT $1 OFFSET $2`,
    q.status ? [q.pageSize, (q.page - 1) * q.pageSize, q.status] : [q.pageSize, (q.page - 1) * q.pageSize],
  );
}
