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

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  /** First row whose content or link no longer matches; absent when the chain is intact. */
  brokenAt?: { seq: number; problem: 'content_changed' | 'link_broken' | 'row_missing'; expected: string; found: string };
  lastHash: string;
}

/** Walks the whole chain in order, in pages, and stops at the first broken link. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db.query<AuditRow>('SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2', [
      expectedSeq,
      pageSize,
    ]);
    if (rows.length === 0) return { ok: true, checked, lastHash: prevHash };
    for (const row of rows) {
      if (row.seq !== expectedSeq)
        return {
          ok: false,
          checked,
          lastHash: prevHash,
          brokenAt: { seq: expectedSeq, problem: 'row_missing', expected: `seq ${expectedSeq}`, found: `seq ${row.seq}` },
        };
      if (row.prev_hash !== prevHash)
        return {
          ok: false,
          checked,
          lastHash: prevHash,
          brokenAt: { seq: row.seq, problem: 'link_broken', expected: prevHash, found: row.prev_hash },
        };
      const { hash, ...rest } = row;
      const recomputed = computeAuditHash({ ...rest, at: new Date(row.at) });
      if (recomputed !== hash)
        return {
          ok: false,
          checked,
          lastHash: prevHash,
          brokenAt: { seq: row.seq, problem: 'content_changed', expected: recomputed, found: hash },
        };
      prevHash = hash;
      expectedSeq++;
      checked++;
    }
  }
}
