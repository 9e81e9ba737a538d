import type { Db } from '../../platform/ports/db';
import { type Rendered, toHtml, toText } from './domain/templates';
import { loadMailConfig, type MailConfig } from '../../config/mail';
import { enqueueEmail, hasNotification, insertNotification } from './notifications.repo';
import type { Recipient } from './recipients';

export interface Notice {
  /** Machine name of the template, kept on every row for filtering and the delivery log. */
  template: string;
  rendered: Rendered;
  recipients: Recipient[];
  entityType?: string;
  entityId?: string;
  /** Makes the e-mails idempotent: the recipient's address is appended per message. */
  dedupKey?: string;
  inApp?: boolean;
  /** At most one in-app notice per recipient, template and entity: a rerun (a digest after a crash) adds none. */
  inAppOnce?: boolean;
  email?: boolean;
}

/**
 * `notify` runs inside other modules' transactions, which carry no context; the notifications module hands it the
 * server's `config.mail` when its routes are mounted (before anything can notify). Until then, the defaults.
 */
let current: MailConfig = loadMailConfig({});
export function useMailConfig(cfg: MailConfig): void {
  current = cfg;
}
export function mailConfig(): MailConfig {
  return current;
}

/** Absolute link for e-mails; in-app links stay relative to the web app. */
export function publicLink(path: string): string {
  return `${mailConfig().publicUrl}${path}`;
}

/**
 * The one way into this module: a request to tell `recipients` something already worded. Writes the in-app
 * notifications and queues the e-mails, in the caller's transaction, so a notice exists if and only if the change it
 * reports was committed. Delivery happens later in the outbox worker.
 */
export async function notify(db: Db, notice: Notice, at: Date): Promise<{ inApp: number; emails: number }> {
  const cfg = mailConfig();
  let inApp = 0;
  let emails = 0;
  const text = toText({ ...notice.rendered, link: notice.rendered.link ? publicLink(notice.rendered.link) : undefined });
  const html = toHtml({ ...notice.rendered, link: notice.rendered.link ? publicLink(notice.rendered.link) : undefined });
  const seen = new Set<string>();
  const recipients = notice.recipients.filter((r) => {
    const key = r.userId ?? r.email?.toLowerCase() ?? r.name;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  for (const r of recipients) {
    if (notice.inApp !== false && r.userId && !(notice.inAppOnce && (await hasNotification(db, r.userId, notice.template, notice.entityId)))) {
      await insertNotification(
        db,
        {
          userId: r.userId,
          kind: notice.template,
          title: notice.rendered.title,
          body: notice.rendered.paragraphs.filter((p) => !p.startsWith('Kính gửi')).join(' '),
          link: notice.rendered.link ?? null,
          entityType: notice.entityType,
          entityId: notice.entityId,
        },
        at,
      );
      inApp++;
    }
    if (notice.email !== false && r.email) {
      const queued = await enqueueEmail(
        db,
        {
          dedupKey: notice.dedupKey ? `${notice.dedupKey}:${r.email.toLowerCase()}` : null,
          to: r.email,
          toName: r.name,
          subject: notice.rendered.subject,
          text,
          html,
          template: notice.template,
          entityType: notice.entityType,
          entityId: notice.entityId,
          maxAttempts: cfg.maxAttempts,
        },
        at,
      );
      if (queued) emails++;
    }
  }
  return { inApp, emails };
}
