import { z } from 'zod';

/**
 * Mail settings (config.mail). Without KC_SMTP_HOST e-mail is queued and logged but not sent, so a single-box install
 * without a mail server still has the in-app notification centre.
 */
const ZMailEnv = z.object({
  KC_SMTP_HOST: z.string().optional(),
  KC_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(25),
  KC_SMTP_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  KC_SMTP_USER: z.string().optional(),
  KC_SMTP_PASS: z.string().optional(),
  KC_SMTP_FROM: z.string().default('Kỷ Cương <kycuong@localhost>'),
  /** Base URL put in links inside e-mails. */
  KC_PUBLIC_URL: z.string().default('http://127.0.0.1:8080'),
  KC_MAIL_POLL_SECONDS: z.coerce.number().int().min(1).default(15),
  KC_MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** Local hour (Asia/Ho_Chi_Minh) at which leaders get the daily digest. */
  KC_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(17),
});

export type MailConfig = ReturnType<typeof loadMailConfig>;

export function loadMailConfig(env: Record<string, string | undefined>) {
  const e = ZMailEnv.parse(env);
  return {
    smtp: e.KC_SMTP_HOST
      ? {
          host: e.KC_SMTP_HOST,
          port: e.KC_SMTP_PORT,
          secure: e.KC_SMTP_SECURE,
          auth: e.KC_SMTP_USER ? { user: e.KC_SMTP_USER, pass: e.KC_SMTP_PASS ?? '' } : undefined,
        }
      : null,
    from: e.KC_SMTP_FROM,
    publicUrl: e.KC_PUBLIC_URL.replace(/\/+$/, ''),
    pollSeconds: e.KC_MAIL_POLL_SECONDS,
    maxAttempts: e.KC_MAIL_MAX_ATTEMPTS,
    digestHour: e.KC_DIGEST_HOUR,
  };
}
