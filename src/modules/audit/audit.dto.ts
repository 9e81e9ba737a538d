import { z } from 'zod';
import type { AuditRow } from './audit.service';

/** One entry of the hash-chained audit log as the API shows it. */
export const ZAuditEntry = z
  .object({
    seq: z.number().int(),
    at: z.date(),
    actorName: z.string(),
    ip: z.string().nullable(),
    action: z.string().describe('module.verb, e.g. staff.update, auth.login_failed'),
    entityType: z.string(),
    entityId: z.string().nullable(),
    unitId: z.guid().nullable(),
    reason: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });

export const ZAuditPage = z.object({ total: z.number().int(), items: z.array(ZAuditEntry) });

export function auditEntryDto(r: AuditRow): z.output<typeof ZAuditEntry> {
  return {
    seq: r.seq,
    at: r.at,
    actorName: r.actor_name,
    ip: r.ip,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    unitId: r.unit_id,
    reason: r.reason,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

const ZAuditProblemKind = z.enum([
  'content_changed',
  'link_broken',
  'row_missing',
  'chain_rewritten',
  'tail_deleted',
  'truncated',
  'anchor_invalid',
  'anchor_missing',
]);

export const ZAuditProblem = z
  .object({
    kind: ZAuditProblemKind,
    seq: z.number().int().optional().describe('The first row concerned (absent for problems about anchor files).'),
    toSeq: z.number().int().optional().describe('The last row concerned, for ranges.'),
    expected: z.string(),
    found: z.string(),
    messageVi: z.string(),
    messageEn: z.string(),
  })
  .meta({ id: 'AuditProblem' });

/** Result of verifying the chain against the signed anchors (ChainVerdict & { anchors }). */
export const ZAuditVerdict = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    brokenAt: z
      .object({ seq: z.number().int(), problem: ZAuditProblemKind, expected: z.string(), found: z.string() })
      .optional()
      .describe('First problem that names a row; absent when the log is intact.'),
    problems: z.array(ZAuditProblem),
    moreProblems: z.number().int(),
    lastHash: z.string(),
    lastSeq: z.number().int(),
    anchors: z.number().int().describe('Number of valid signed anchors checked.'),
  })
  .meta({ id: 'AuditVerdict' });
