/**
 * notifications — the delivery end of every notice: other modules hand it a request (who: a person, the holders of
 * a permission over a unit, a unit's heads; what: a notice already worded by the sender; where to: a link) and it
 * delivers it: the in-app notification centre, e-mail through SMTP via an outbox with retries and exponential
 * backoff logged per attempt, and daily digest batching. It knows nothing of violations or any other sender's data.
 * Owns notifications, email_outbox, email_delivery_log. Senders call `notify(tx, notice)` in their transaction.
 */
export { notify, publicLink, type Notice } from './notify';
export { audienceOf, holdersOf, personRecipient, unitHeads, type Recipient, type ScopedRecipient } from './recipients';
export { SUBJECT_PREFIX, type Rendered } from './domain/templates';
export { scheduleDailyDigest } from './digest';
export { deliverDueEmails, createSmtpTransport, type MailTransport } from './mailer';
