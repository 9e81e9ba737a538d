import type { AppContext, KcModule } from '../../platform/module';
import { createSmtpTransport, deliverDueEmails } from './mailer';
import { mailConfig, useMailConfig } from './notify';
import { notificationsRoutes } from './notifications.routes';
import { periodic } from '../../platform/jobs/periodic';

export const notificationsModule: KcModule = {
  name: 'notifications',
  routes: (app, ctx) => {
    useMailConfig(ctx.config.mail);
    return notificationsRoutes(app, ctx);
  },
  /** The outbox worker: queued e-mails go out through SMTP when KC_SMTP_HOST is set. */
  start(ctx: AppContext) {
    const cfg = mailConfig();
    if (!cfg.smtp) {
      ctx.log.info('KC_SMTP_HOST not set: e-mails are queued in email_outbox but not sent');
      return;
    }
    const transport = createSmtpTransport(cfg.smtp);
    const stopOutbox = periodic('mail-outbox', cfg.pollSeconds * 1000, async () => {
      const r = await deliverDueEmails(ctx.db, transport, { from: cfg.from, now: ctx.now() });
      if (r.sent + r.retried + r.failed > 0) ctx.log.info(r, 'mail outbox pass');
    }, ctx.log);
    return async () => {
      await stopOutbox();
      transport.close();
    };
  },
};
