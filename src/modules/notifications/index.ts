/**
 * notifications — the in-app notification centre, e-mail through SMTP (nodemailer) with Vietnamese templates, an
 * outbox delivered with retries and exponential backoff and logged per attempt, and the leaders' daily digest.
 * Owns notifications, email_outbox, email_delivery_log. Other modules call `notify(tx, notice)` in their transaction.
 */
import type { AppContext, KcModule } from '../../platform/module';
import { localDateOf, localMinuteOf } from '../../platform/time';
import { sendDailyDigest } from './digest';
import { createSmtpTransport, deliverDueEmails, type MailTransport } from './mailer';
import { mailConfig } from './notify';
import { notificationsRoutes } from './notifications.routes';
import { periodic } from '../../platform/jobs/periodic';

export { notify, publicLink } from './notify';
export { deciders, personRecipient, unitHeads, type Recipient } from './recipients';
export { templates } from './domain/templates';
export { sendDailyDigest } from './digest';
export { deliverDueEmails, createSmtpTransport } from './mailer';

const stops: Array<() => Promise<void>> = [];
let transport: MailTransport | null = null;

export const notificationsModule: KcModule = {
  name: 'notifications',
  routes: notificationsRoutes,
  start(ctx: AppContext) {
    const cfg = mailConfig();
    if (cfg.smtp) {
      const t = createSmtpTransport(cfg.smtp);
      transport = t;
      stops.push(periodic('mail-outbox', cfg.pollSeconds * 1000, async () => {
        const r = await deliverDueEmails(ctx.db, t, { from: cfg.from, now: ctx.now() });
        if (r.sent + r.retried + r.failed > 0) ctx.log.info(r, 'mail outbox pass');
      }, ctx.log));
    } else ctx.log.info('KC_SMTP_HOST not set: e-mails are queued in email_outbox but not sent');
    let digestDoneFor = '';
    stops.push(periodic('daily-digest', 60_000, async () => {
      const now = ctx.now();
      const today = localDateOf(now);
      const hour = Math.floor(localMinuteOf(now) / 60);
      if (digestDoneFor === today || hour < cfg.digestHour) return;
      const r = await sendDailyDigest(ctx.db, today, now);
      digestDoneFor = today;
      ctx.log.info({ date: today, ...r }, 'daily digest sent');
    }, ctx.log));
  },
  async stop() {
    for (const s of stops.splice(0).reverse()) await s();
    transport?.close();
    transport = null;
  },
};
