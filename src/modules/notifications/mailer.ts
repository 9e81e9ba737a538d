import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../../platform/ports/db';
import { retryDelayMs } from './domain/backoff';
import type { MailConfig } from '../../config/mail';
import { claimDueEmails, recordAttempt } from './notifications.repo';

export type MailTransport = Pick<Transporter, 'sendMail' | 'close'>;

export function createSmtpTransport(smtp: NonNullable<MailConfig['smtp']>): MailTransport {
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.auth,
    // A loopback or LAN relay without a certificate is the common agency set-up; STARTTLS is still used when offered.
    tls: { rejectUnauthorized: false },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * One pass of the outbox worker: claims due messages, sends each through SMTP and logs the attempt. A failure is
 * retried with exponential backoff until max_attempts, then marked FAILED (and stays visible in the delivery log).
 */
export async function deliverDueEmails(
  db: Db,
  transport: MailTransport,
  opts: { from: string; now: Date; batch?: number; retryBaseMs?: number },
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  const due = await claimDueEmails(db, opts.now, opts.batch ?? 20, 10 * 60_000);
  for (const row of due) {
    try {
      const info = await transport.sendMail({
        from: opts.from,
        to: row.to_name ? { name: row.to_name, address: row.to_address } : row.to_address,
        subject: row.subject,
        text: row.body_text,
        html: row.body_html ?? undefined,
        headers: { 'X-KyCuong-Template': row.template },
      });
      await recordAttempt(db, row, { ok: true, messageId: String(info.messageId ?? ''), response: String(info.response ?? '') }, opts.now);
      report.sent++;
    } catch (err) {
      const attempt = row.attempts + 1;
      const retryAt = attempt < row.max_attempts ? new Date(opts.now.getTime() + retryDelayMs(attempt, opts.retryBaseMs)) : null;
      const error = err instanceof Error ? `${(err as { code?: string }).code ?? ''} ${err.message}`.trim() : String(err);
      await recordAttempt(db, row, { ok: false, error, retryAt }, opts.now);
      if (retryAt) report.retried++;
      else report.failed++;
    }
  }
  return report;
}
