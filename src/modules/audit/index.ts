/**
 * audit — the append-only, hash-chained log of every write and every sensitive read. Owns audit_log.
 * Every module calls `recordAudit(tx, entry)` inside the transaction of the change it records; the CLI verifies the
 * chain against its signed anchors with `verifyAuditLog`.
 */
export { recordAudit, type AuditActor } from './audit.service';
export { verifyAuditLog } from './audit.anchor';
