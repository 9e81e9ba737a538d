import { createHash } from 'node:crypto';
import type { Db } from '../../platform/ports/db';

export interface AuditActor {
  id?: string | null;
  name: string;
  ip?: string | null;
}

export interface AuditEntry {
  actor: AuditActor;
  /** Verb in module.verb form: `staff.update`, `footage.view`, `auth.login_failed` … */
  action: string;
  entityType: string;
  entityId?: string | null;
  unitId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditRow {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
/** Advisory lock key that serialises appends so the chain never forks under concurrent writers. */
const CHAIN_LOCK = 74_310_001;

/** JSON with object keys sorted at every level: jsonb does not keep key order, the hash must not depend on it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function computeAuditHash(row: Omit<AuditRow, 'hash'>): string {
  const payload = canonicalJson([
    row.seq,
    row.at.toISOString(),
    row.actor_id,
    row.actor_name,
    row.ip,
    row.action,
    row.entity_type,
    row.entity_id,
    row.unit_id,
    row.reason,
    row.details,
    row.prev_hash,
  ]);
  return createHash('sha256').update(payload).digest('hex');
}

/**
 * Appends one entry. Call it with the transaction that makes the change it records, so the change and its audit
 * entry commit (or fail) together.
 */
export async function recordAudit(db: Db, entry: AuditEntry, at: Date = new Date()): Promise<{ seq: number; hash: string }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    const last = await tx.query<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
    );
    const row: Omit<AuditRow, 'hash'> = {
      seq: (last[0]?.seq ?? 0) + 1,
      at: new Date(Math.floor(at.getTime())),
      actor_id: entry.actor.id ?? null,
      actor_name: entry.actor.name,
      ip: entry.actor.ip ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      unit_id: entry.unitId ?? null,
      reason: entry.reason ?? null,
      // Round-trip through JSON so what we hash is exactly what jsonb will give back (dates → strings, no undefined).
      details: JSON.parse(JSON.stringify(entry.details ?? {})),
      prev_hash: last[0]?.hash ?? GENESIS_HASH,
    };
    const hash = computeAuditHash(row);
    await tx.query(
      `INSERT INTO audit_log (seq, at, actor_id, actor_name, ip, action, entity_type, entity_id, unit_id, reason, details, prev_hash, hash)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
      [
        row.seq,
        row.at.toISOString(),
        row.actor_id,
        row.actor_name,
        row.ip,
        row.action,
        row.entity_type,
        row.entity_id,
        row.unit_id,
        row.reason,
        JSON.stringify(row.details),
        row.prev_hash,
        hash,
      ],
    );
    return { seq: row.seq, hash };
  });
}

/**
 * What verification can find. From the chain alone: `content_changed` (a row no longer hashes to its stored hash),
 * `link_broken` (a row does not point to the hash before it), `row_missing` (a gap in seq: rows deleted in the middle
 * or at the start). From the signed anchors (audit.anchor.ts): `chain_rewritten` (the hash at an anchored seq differs:
 * rows were edited and every later hash recomputed), `tail_deleted` (the log ends before the newest anchor's head),
 * `truncated` (the log is empty although anchors exist), `anchor_invalid` (an anchor file that does not parse or whose
 * signature does not verify), `anchor_missing` (an anchor present in one anchor place is gone from another).
 */
export type AuditProblemKind =
  | 'content_changed'
  | 'link_broken'
  | 'row_missing'
  | 'chain_rewritten'
  | 'tail_deleted'
  | 'truncated'
  | 'anchor_invalid'
  | 'anchor_missing';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The first row concerned (absent for problems about anchor files). */
  seq?: number;
  /** The last row concerned, for ranges (gaps, cut tails). */
  toSeq?: number;
  expected: string;
  found: string;
  messageVi: string;
  messageEn: string;
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  /** First problem that names a row, in the shape the web page shows; absent when the log is intact. */
  brokenAt?: { seq: number; problem: AuditProblemKind; expected: string; found: string };
  /** Every problem found, in log order (anchor-file problems last), at most MAX_REPORTED_PROBLEMS. */
  problems: AuditProblem[];
  /** Problems found beyond the ones listed. */
  moreProblems: number;
  lastHash: string;
  /** seq of the last row in the log, 0 when it is empty. */
  lastSeq: number;
}

const MAX_REPORTED_PROBLEMS = 200;

/** Collects problems in order and derives the verdict from them. */
export class ProblemList {
  readonly items: AuditProblem[] = [];
  more = 0;
  add(p: AuditProblem): void {
    if (this.items.length < MAX_REPORTED_PROBLEMS) this.items.push(p);
    else this.more++;
  }
  verdict(checked: number, lastHash: string, lastSeq: number): ChainVerdict {
    const first = this.items.find((p) => p.seq !== undefined);
    return {
      ok: this.items.length === 0,
      checked,
      lastHash,
      lastSeq,
      problems: this.items,
      moreProblems: this.more,
      ...(first ? { brokenAt: { seq: first.seq as number, problem: first.kind, expected: first.expected, found: first.found } } : {}),
    };
  }
}

/** Called for every row the walk reaches, with the number of rows seen so far (this one included). */
export type RowVisitor = (row: { seq: number; hash: string }, rowsSoFar: number) => void;

/**
 * Walks the whole chain in seq order, in pages, and reports every problem it finds rather than only the first: after
 * an edited row it goes on from that row's stored hash, after a gap from the first row past it, so one edit gives one
 * problem and each gap names its missing range.
 */
export async function verifyAuditChain(db: Db, pageSize = 5000, visit?: RowVisitor, problems = new ProblemList()): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.query<AuditRow>('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [lastSeq, pageSize]);
    if (rows.length === 0) return problems.verdict(checked, prevHash, lastSeq);
    for (const row of rows) {
      const seq = Number(row.seq);
      const afterGap = seq !== expectedSeq;
      if (afterGap)
        problems.add({
          kind: 'row_missing',
          seq: expectedSeq,
          toSeq: seq - 1,
          expected: `#${expectedSeq}`,
          found: `#${seq}`,
          messageVi: `Thiếu các bản ghi #${expectedSeq}–#${seq - 1} (bị xóa giữa nhật ký)`,
          messageEn: `entries #${expectedSeq}–#${seq - 1} are missing (deleted from the log)`,
        });
      // After a gap the link cannot match (its predecessor is gone); the gap already explains it.
      else if (row.prev_hash !== prevHash)
        problems.add({
          kind: 'link_broken',
          seq,
          expected: prevHash,
          found: row.prev_hash,
          messageVi: `Bản ghi #${seq} không nối với bản ghi trước`,
          messageEn: `entry #${seq} does not link to the entry before it`,
        });
      const { hash, ...rest } = row;
      const recomputed = computeAuditHash({ ...rest, at: new Date(row.at) });
      if (recomputed !== hash)
        problems.add({
          kind: 'content_changed',
          seq,
          expected: recomputed,
          found: hash,
          messageVi: `Nội dung bản ghi #${seq} đã bị sửa`,
          messageEn: `entry #${seq} was changed after it was written`,
        });
      prevHash = hash;
      expectedSeq = seq + 1;
      lastSeq = seq;
      checked++;
      visit?.({ seq, hash }, checked);
    }
  }
}
